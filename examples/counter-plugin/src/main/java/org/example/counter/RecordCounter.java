package org.example.counter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts record creations per collection, once they are committed (a rolled-back batch counts nothing).
 * Counters live in memory: they restart from zero with the server.
 */
@ApplicationScoped
public class RecordCounter {

    @Inject
    CounterPlugin plugin;

    private final Map<String, AtomicLong> created = new ConcurrentHashMap<>();

    void onChange(@Observes AfterResourceChanged event) {
        var payload = event.payload();
        if (!plugin.isEnabled() || payload.action() != Action.CREATE
                || !payload.resourceName().equals("record")) {
            return;
        }
        String key = key(payload.bucketId().orElseThrow(), payload.collectionId().orElseThrow());
        created.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(event.impactedObjects().size());
    }

    long created(String bucketId, String collectionId) {
        AtomicLong count = created.get(key(bucketId, collectionId));
        return count == null ? 0 : count.get();
    }

    private static String key(String bucketId, String collectionId) {
        return bucketId + '/' + collectionId;
    }
}

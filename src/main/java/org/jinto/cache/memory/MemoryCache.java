package org.jinto.cache.memory;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.api.BackendName;
import org.jinto.api.cache.Cache;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/** A cache in the JVM's memory; expired entries are dropped when read. */
@ApplicationScoped
@BackendName("memory")
public class MemoryCache implements Cache {

    private record Entry(String value, long expiresAtMillis) {
        boolean expired(long now) {
            return now >= expiresAtMillis;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryCache() {
        this(Clock.systemUTC());
    }

    /** On the given clock: tests move time instead of waiting for entries to expire. */
    public MemoryCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String get(String key) {
        Entry entry = live(key);
        return entry == null ? null : entry.value();
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("Cache TTL must be positive, got " + ttlSeconds);
        }
        entries.put(key, new Entry(value, clock.millis() + ttlSeconds * 1000));
    }

    @Override
    public String delete(String key) {
        Entry removed = entries.remove(key);
        return removed == null || removed.expired(clock.millis()) ? null : removed.value();
    }

    @Override
    public void expire(String key, long ttlSeconds) {
        entries.computeIfPresent(key, (k, e) -> new Entry(e.value(), clock.millis() + ttlSeconds * 1000));
    }

    @Override
    public long ttl(String key) {
        Entry entry = live(key);
        return entry == null ? -1 : Math.max(0, (entry.expiresAtMillis() - clock.millis()) / 1000);
    }

    @Override
    public void flush() {
        entries.clear();
    }

    @Override
    public void ping() {
        // Memory is always reachable.
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.expired(clock.millis())) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }
}

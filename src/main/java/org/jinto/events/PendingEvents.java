package org.jinto.events;

import jakarta.json.JsonObject;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.events.ResourceRead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The resource events of one request (a batch and all its subrequests), merged as Kinto's {@code EventCollector}
 * does: one event per resource name, parent and action, keeping the payload of the first and appending the objects
 * of the others, in the order in which their group first appeared. Events that observers raise while the
 * in-transaction events fire (a cascade: a plugin writing in reaction to a change) fire after them, in a round of
 * their own, not merged into the events already fired; once committed, every event fired is merged again.
 */
final class PendingEvents {

    /** The in-transaction events ({@link ResourceChanged}, {@link ResourceRead}) not fired yet, by round and group. */
    private final Map<String, ResourceEvent> queued = new LinkedHashMap<>();
    /** The in-transaction events fired, by group, for the after-commit round. */
    private final Map<String, ResourceEvent> fired = new LinkedHashMap<>();
    private int round;

    void changed(String parentId, EventPayload payload, List<ImpactedObject> impacted) {
        if (payload.action() == Action.READ) {
            throw new IllegalArgumentException("A change event cannot have the read action");
        }
        queue(groupKey(parentId, payload), new ResourceChanged(payload, impacted));
    }

    void read(String parentId, EventPayload payload, List<JsonObject> objects) {
        if (payload.action() != Action.READ) {
            throw new IllegalArgumentException("A read event must have the read action, got " + payload.action());
        }
        queue(groupKey(parentId, payload), new ResourceRead(payload, objects));
    }

    private void queue(String group, ResourceEvent event) {
        queued.merge(round + "\n" + group, event, PendingEvents::merge);
    }

    void clear() {
        queued.clear();
        fired.clear();
    }

    /**
     * Hands the queued in-transaction events to {@code fire} in order, then those queued meanwhile by the
     * observers, until none is left.
     */
    void fireBeforeCommit(Consumer<ResourceEvent> fire) {
        round++;
        while (!queued.isEmpty()) {
            Map.Entry<String, ResourceEvent> next = queued.entrySet().iterator().next();
            queued.remove(next.getKey());
            String group = next.getKey().substring(next.getKey().indexOf('\n') + 1);
            fired.merge(group, next.getValue(), PendingEvents::merge);
            fire.accept(next.getValue());
        }
    }

    /** The events to fire once committed: {@link AfterResourceRead} and {@link AfterResourceChanged}. */
    List<ResourceEvent> afterCommit() {
        return fired.values().stream().map(PendingEvents::afterCommit).toList();
    }

    private static String groupKey(String parentId, EventPayload payload) {
        return payload.resourceName() + '\n' + parentId + '\n' + payload.action().value();
    }

    /** Both events are of the same kind: their group key includes the action. */
    private static ResourceEvent merge(ResourceEvent first, ResourceEvent next) {
        if (first instanceof ResourceChanged a && next instanceof ResourceChanged b) {
            return new ResourceChanged(a.payload(), concat(a.impactedObjects(), b.impactedObjects()));
        }
        if (first instanceof ResourceRead a && next instanceof ResourceRead b) {
            return new ResourceRead(a.payload(), concat(a.readObjects(), b.readObjects()));
        }
        throw new IllegalStateException("Cannot merge " + first + " with " + next);
    }

    private static ResourceEvent afterCommit(ResourceEvent event) {
        if (event instanceof ResourceChanged changed) {
            return new AfterResourceChanged(changed.payload(), changed.impactedObjects());
        }
        if (event instanceof ResourceRead read) {
            return new AfterResourceRead(read.payload(), read.readObjects());
        }
        throw new IllegalStateException("Not an in-transaction event: " + event);
    }

    private static <T> List<T> concat(List<T> first, List<T> next) {
        List<T> all = new ArrayList<>(first);
        all.addAll(next);
        return all;
    }
}

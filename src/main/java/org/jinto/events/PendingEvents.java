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

/**
 * The resource events of one request (a batch and all its subrequests), merged as Kinto does: one event per
 * resource name, parent and action, keeping the payload of the first and appending the objects of the others.
 * Events keep the order in which their group first appeared.
 */
final class PendingEvents {

    /** The in-transaction events ({@link ResourceChanged}, {@link ResourceRead}) by group. */
    private final Map<String, ResourceEvent> groups = new LinkedHashMap<>();

    void changed(String parentId, EventPayload payload, List<ImpactedObject> impacted) {
        if (payload.action() == Action.READ) {
            throw new IllegalArgumentException("A change event cannot have the read action");
        }
        groups.merge(groupKey(parentId, payload), new ResourceChanged(payload, impacted), PendingEvents::merge);
    }

    void read(String parentId, EventPayload payload, List<JsonObject> objects) {
        if (payload.action() != Action.READ) {
            throw new IllegalArgumentException("A read event must have the read action, got " + payload.action());
        }
        groups.merge(groupKey(parentId, payload), new ResourceRead(payload, objects), PendingEvents::merge);
    }

    void clear() {
        groups.clear();
    }

    /** The events to fire inside the transaction: {@link ResourceRead} and {@link ResourceChanged}. */
    List<ResourceEvent> beforeCommit() {
        return List.copyOf(groups.values());
    }

    /** The events to fire once committed: {@link AfterResourceRead} and {@link AfterResourceChanged}. */
    List<ResourceEvent> afterCommit() {
        return groups.values().stream().map(PendingEvents::afterCommit).toList();
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

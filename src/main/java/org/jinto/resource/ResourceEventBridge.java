package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.events.ResourceRead;

import java.util.List;

/**
 * Publishes what the engine reports as the plugin API's CDI resource events, one event per engine report:
 * {@link ResourceChanged} / {@link ResourceRead} first (an observer that throws fails the request), then their
 * {@code After*} variants (the memory backends have no transaction to wait for).
 */
@ApplicationScoped
public class ResourceEventBridge implements ResourceListener {

    @Inject
    Event<ResourceEvent> events;

    @Override
    public void changed(ResourceChange change) {
        List<ImpactedObject> impacted = change.objects().stream()
                .map(o -> new ImpactedObject(o.oldObject(), o.newObject())).toList();
        EventPayload payload = payload(change);
        events.fire(new ResourceChanged(payload, impacted));
        events.fire(new AfterResourceChanged(payload, impacted));
    }

    @Override
    public void read(ResourceChange read) {
        var objects = read.objects().stream().map(ResourceChange.Impacted::newObject).toList();
        EventPayload payload = payload(read);
        events.fire(new ResourceRead(payload, objects));
        events.fire(new AfterResourceRead(payload, objects));
    }

    private static EventPayload payload(ResourceChange change) {
        return new EventPayload(change.timestamp(), change.action(), change.uri(), change.identity().userId(),
                change.resourceName(), change.ids());
    }
}

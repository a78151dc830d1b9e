package org.jinto.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.resource.ResourceChange;
import org.jinto.resource.ResourceListener;

/**
 * Hands every change and read of the resource engine to the {@link EventPublisher}, which turns them into the
 * plugin API's CDI events.
 */
@ApplicationScoped
public class EngineEvents implements ResourceListener {

    @Inject
    EventPublisher publisher;

    @Override
    public void changed(ResourceChange change) {
        publisher.changed(change.parentId(), payload(change),
                change.objects().stream().map(o -> new ImpactedObject(o.oldObject(), o.newObject())).toList());
    }

    @Override
    public void read(ResourceChange read) {
        publisher.read(read.parentId(), payload(read),
                read.objects().stream().map(ResourceChange.Impacted::newObject).toList());
    }

    private static EventPayload payload(ResourceChange change) {
        return new EventPayload(change.timestamp(), change.action(), change.uri(),
                change.identity().userId(), change.resourceName(), change.ids());
    }
}

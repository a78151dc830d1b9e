package org.jinto.api.events;

import java.util.List;

/** Objects were created, updated or deleted and the transaction committed; observer failures are only logged. */
public record AfterResourceChanged(EventPayload payload, List<ImpactedObject> impactedObjects) implements ResourceEvent {

    public AfterResourceChanged {
        impactedObjects = List.copyOf(impactedObjects);
    }
}

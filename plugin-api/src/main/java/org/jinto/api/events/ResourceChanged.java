package org.jinto.api.events;

import java.util.List;

/** Objects were created, updated or deleted; fired inside the transaction (an observer that throws aborts it). */
public record ResourceChanged(EventPayload payload, List<ImpactedObject> impactedObjects) implements ResourceEvent {

    public ResourceChanged {
        impactedObjects = List.copyOf(impactedObjects);
    }
}

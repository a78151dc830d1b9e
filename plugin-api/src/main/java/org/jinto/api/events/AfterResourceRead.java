package org.jinto.api.events;

import jakarta.json.JsonObject;

import java.util.List;

/** Objects were read and the transaction committed; observer failures are only logged. */
public record AfterResourceRead(EventPayload payload, List<JsonObject> readObjects) implements ResourceEvent {

    public AfterResourceRead {
        readObjects = List.copyOf(readObjects);
    }
}

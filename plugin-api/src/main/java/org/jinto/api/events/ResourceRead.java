package org.jinto.api.events;

import jakarta.json.JsonObject;

import java.util.List;

/** Objects were read; fired inside the transaction (an observer that throws aborts it). */
public record ResourceRead(EventPayload payload, List<JsonObject> readObjects) implements ResourceEvent {

    public ResourceRead {
        readObjects = List.copyOf(readObjects);
    }
}

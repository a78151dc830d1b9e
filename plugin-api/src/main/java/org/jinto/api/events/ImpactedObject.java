package org.jinto.api.events;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Objects;

/**
 * One object touched by a change: Kinto's {@code {old, new}} entry of {@code impacted_objects}.
 *
 * @param oldObject the object before the change, {@code null} on create
 * @param newObject the object after the change; on delete, the tombstone {@code {id, last_modified, deleted: true}}
 */
public record ImpactedObject(JsonObject oldObject, JsonObject newObject) {

    public ImpactedObject {
        Objects.requireNonNull(newObject, "newObject");
    }

    public static ImpactedObject created(JsonObject newObject) {
        return new ImpactedObject(null, newObject);
    }

    /** {@code {"old": ..., "new": ...}}, without {@code old} for a creation, as Kinto's payloads. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (oldObject != null) {
            json.add("old", oldObject);
        }
        return json.add("new", newObject).build();
    }
}

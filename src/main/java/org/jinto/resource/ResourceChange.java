package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.api.events.Action;
import org.jinto.auth.Identity;

import java.util.List;
import java.util.Map;

/**
 * What one request did to the objects of one resource type under one parent (Kinto's event payload and
 * {@code impacted_objects}).
 *
 * @param action       what happened
 * @param resourceName {@code bucket}, {@code collection}, {@code group}, {@code record}, {@code account}
 * @param uri          the request URI below {@code /v1}
 * @param ids          the parent ids named in the URI ({@code bucket_id}, {@code collection_id}...), and for
 *                     single-object requests the object's id under {@code <resource>_id}
 * @param parentId     the storage parent id of the objects
 * @param identity     who made the request
 * @param timestamp    the resource timestamp after the change
 * @param objects      each object's {@code old} (null on create and read) and {@code new} version (for a delete,
 *                     the tombstone)
 */
public record ResourceChange(Action action, String resourceName, String uri, Map<String, String> ids,
                             String parentId, Identity identity, long timestamp, List<Impacted> objects) {

    public ResourceChange {
        ids = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ids));
        objects = List.copyOf(objects);
    }

    /** One object before and after. */
    public record Impacted(JsonObject oldObject, JsonObject newObject) {
    }
}

package org.jinto.resource;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** How the {@code data} of a PATCH changes an object (Kinto's default {@code apply_changes}). */
final class ObjectPatch {

    private ObjectPatch() {
    }

    /** Each member of {@code changes} replaces the object's member of that name (a shallow merge). */
    static JsonObject apply(JsonObject existing, JsonObject changes) {
        return Json.createObjectBuilder(existing).addAll(Json.createObjectBuilder(changes)).build();
    }
}

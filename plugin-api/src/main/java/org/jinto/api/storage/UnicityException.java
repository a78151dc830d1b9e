package org.jinto.api.storage;

import jakarta.json.JsonObject;

/** Raised by {@link Storage#create} when an object with the same id exists (and is not a tombstone). */
public class UnicityException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonObject existing;

    public UnicityException(JsonObject existing) {
        super("Object " + existing.getString("id", "?") + " already exists");
        this.existing = existing;
    }

    public JsonObject existing() {
        return existing;
    }
}

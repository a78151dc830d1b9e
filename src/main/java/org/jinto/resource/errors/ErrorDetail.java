package org.jinto.resource.errors;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One entry of the {@code details} list of Kinto's "Invalid parameters" error (a Cornice error):
 * where the problem is ({@code body}, {@code querystring}, {@code path}, {@code header}), which field
 * ({@code name}: a string, a number for a list index, or JSON null), and what is wrong.
 */
public record ErrorDetail(String location, JsonValue name, String description) {

    public static ErrorDetail of(String location, String name, String description) {
        return new ErrorDetail(location, name == null ? JsonValue.NULL : JSON.createValue(name), description);
    }

    /** Python's {@code str(name)}, used by Kinto to order errors and to build the message. */
    public String nameText() {
        return Python.str(name);
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("location", location)
                .add("name", name)
                .add("description", description)
                .build();
    }
}

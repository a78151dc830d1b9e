package org.jinto.resource;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/** Kinto's response bodies and their headers: {@code {data, permissions?}}, {@code {data: [...]}}, timestamps. */
final class ObjectResponses {

    private ObjectResponses() {
    }

    static ApiResponse object(int status, JsonObject data, JsonObject permissions) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("data", data);
        if (permissions != null) {
            body.add("permissions", permissions);
        }
        return new ApiResponse(status, body.build());
    }

    static ApiResponse list(List<JsonObject> objects) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        objects.forEach(data::add);
        return new ApiResponse(200, JSON.createObjectBuilder().add("data", data).build());
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null);
    }

    /** Adds {@code ETag} and {@code Last-Modified} for a timestamp. */
    static ApiResponse withTimestamp(ApiResponse response, long timestamp) {
        Preconditions.TimestampHeaders.of(timestamp).forEach(response::header);
        return response;
    }

    static long lastModified(JsonValue object) {
        return object.asJsonObject().getJsonNumber("last_modified").longValue();
    }
}

package org.jinto.plugins.openid;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The validation errors of one request, answered as Kinto's {@code json_error_handler} does: 400 errno 107, the
 * message from the first error by name, every error in {@code details}.
 */
final class InvalidParameters {

    private final List<JsonObject> errors = new ArrayList<>();

    InvalidParameters add(String location, String name, String description) {
        return add(JSON.createObjectBuilder().add("location", location).add("name", name)
                .add("description", description));
    }

    InvalidParameters add(JsonObjectBuilder error) {
        errors.add(error.build());
        return this;
    }

    /** Throws the 400 when an error was added. */
    void raiseIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        List<JsonObject> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(e -> e.getString("name")));
        JsonObject first = sorted.get(0);
        String name = first.getString("name");
        String description = first.getString("description");
        String message = description.contains(name) ? description
                : name + " in " + first.getString("location") + ": " + description;
        JsonArrayBuilder details = JSON.createArrayBuilder();
        sorted.forEach(details::add);
        throw new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters", message, details.build(), null);
    }
}

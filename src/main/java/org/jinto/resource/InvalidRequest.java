package org.jinto.resource;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kinto's "Invalid parameters" error (cornice's {@code request.errors} turned into JSON by Kinto's
 * {@code json_error_handler}): status 400 (or 415/406), errno 107, every error in {@code details} as
 * {@code {location, name, description}}, the message built from the first error sorted by name.
 */
public final class InvalidRequest {

    /** One validation error; {@code name} may be null (serialized as JSON null) or empty. */
    public record Detail(String location, String name, String description) {
    }

    private final List<Detail> details = new ArrayList<>();

    public InvalidRequest add(String location, String name, String description) {
        details.add(new Detail(location, name, description));
        return this;
    }

    public boolean isEmpty() {
        return details.isEmpty();
    }

    /** Throws the 400 error if any detail was collected. */
    public void throwIfAny() {
        if (!details.isEmpty()) {
            throw exception(400);
        }
    }

    /** A 400 with a single error. */
    public static KintoException of(String location, String name, String description) {
        return new InvalidRequest().add(location, name, description).exception(400);
    }

    /** A single error in the body, as Kinto's {@code raise_invalid(request, name=..., description=...)}. */
    public static KintoException body(String name, String description) {
        return of("body", name, description);
    }

    public KintoException exception(int status) {
        Detail first = details.stream()
                .min(Comparator.comparing(d -> String.valueOf(d.name()))).orElseThrow();
        return new KintoException(status, Errno.INVALID_PARAMETERS, "Invalid parameters", message(first),
                detailsJson(), null);
    }

    private static String message(Detail detail) {
        if (detail.name() == null) {
            return detail.location() + ": " + detail.description();
        }
        if (detail.description().contains(detail.name())) {
            return detail.description();
        }
        return detail.name() + " in " + detail.location() + ": " + detail.description();
    }

    private jakarta.json.JsonArray detailsJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Detail detail : details) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("location", detail.location());
            if (detail.name() == null) {
                one.addNull("name");
            } else {
                one.add("name", detail.name());
            }
            array.add(one.add("description", detail.description()));
        }
        return array.build();
    }
}

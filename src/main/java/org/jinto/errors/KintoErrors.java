package org.jinto.errors;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kinto's errors, whichever way they leave (a JAX-RS response, a batch subresponse, an API response): the usual
 * exceptions, the error JSON {@code {code, errno, error, message, details?}} and the headers that go with it.
 */
public final class KintoErrors {

    private KintoErrors() {
    }

    public static JsonObject body(int code, Errno errno, String error, String message, JsonValue details) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("code", code)
                .add("errno", errno.number())
                .add("error", error);
        if (message != null) {
            body.add("message", message);
        }
        if (details != null) {
            body.add("details", details);
        }
        return body.build();
    }

    public static JsonObject body(KintoException e) {
        return body(e.status(), e.errno(), e.error(), e.getMessage(), e.details());
    }


    /** The exception's own headers, with {@link RetryAfter} when its status needs one. */
    public static Map<String, String> headers(KintoException e, Settings settings) {
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        if (RetryAfter.applies(e.status())) {
            headers.putIfAbsent(RetryAfter.HEADER, RetryAfter.seconds(settings));
        }
        return headers;
    }

    public static KintoException notFound() {
        return KintoException.notFound();
    }

    public static KintoException methodNotAllowed(java.util.Set<String> allowed) {
        return new KintoException(405, Errno.METHOD_NOT_ALLOWED, "Method Not Allowed",
                "Method not allowed on this endpoint.", null,
                allowed.isEmpty() ? null : java.util.Map.of("Allow", String.join(", ", allowed)));
    }

    /** Kinto's answer when a backend is down or overloaded (503 errno 201; {@link RetryAfter} is added). */
    public static KintoException unavailable() {
        return new KintoException(503, Errno.BACKEND, "Service Unavailable",
                "Service temporary unavailable due to overloading or maintenance, please retry later.");
    }

    public static KintoException unexpected() {
        return new KintoException(500, Errno.UNDEFINED, "Internal Server Error",
                "A programmatic error occured, developers have been informed.",
                null, java.util.Map.of());
    }
}

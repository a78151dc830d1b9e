package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

/** Builds Kinto's error JSON {@code {code, errno, error, message, details?}} and the response carrying it. */
public final class ErrorResponses {

    private ErrorResponses() {
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

    public static Response response(KintoException e, long retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(e.status(), e.errno(), e.error(), e.getMessage(), e.details()).toString());
        e.headers().forEach(builder::header);
        if (e.status() >= 500 && !e.headers().containsKey("Retry-After")) {
            builder.header("Retry-After", retryAfterSeconds);
        }
        return builder.build();
    }

    public static KintoException notFound() {
        return KintoException.notFound();
    }

    public static KintoException methodNotAllowed(java.util.Set<String> allowed) {
        return new KintoException(405, Errno.METHOD_NOT_ALLOWED, "Method Not Allowed",
                "Method not allowed on this endpoint.", null,
                allowed.isEmpty() ? null : java.util.Map.of("Allow", String.join(", ", allowed)));
    }

    public static KintoException unexpected() {
        return new KintoException(500, Errno.UNDEFINED, "Internal Server Error",
                "A programmatic error occured, developers have been informed.",
                null, java.util.Map.of());
    }
}

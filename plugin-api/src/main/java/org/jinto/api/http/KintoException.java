package org.jinto.api.http;

import jakarta.json.JsonValue;

import java.util.Map;

/**
 * An error answered to the client as Kinto's error JSON:
 * {@code {code, errno, error, message, info?, details?}}. Throw it anywhere below the HTTP layer.
 */
public class KintoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Errno errno;
    private final String error;
    private final transient JsonValue details;
    private final transient Map<String, String> headers;

    public KintoException(int status, Errno errno, String error, String message, JsonValue details,
                          Map<String, String> headers) {
        super(message);
        this.status = status;
        this.errno = errno;
        this.error = error;
        this.details = details;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public KintoException(int status, Errno errno, String error, String message) {
        this(status, errno, error, message, null, null);
    }

    /** Kinto's 404 for an unknown URL (errno 111), e.g. an endpoint of a disabled plugin. */
    public static KintoException notFound() {
        return new KintoException(404, Errno.MISSING_RESOURCE, "Not Found",
                "The resource you are looking for could not be found.");
    }

    public int status() {
        return status;
    }

    public Errno errno() {
        return errno;
    }

    /** The HTTP reason phrase shown in the {@code error} member, e.g. "Invalid parameters". */
    public String error() {
        return error;
    }

    /** May be null. */
    public JsonValue details() {
        return details;
    }

    /** Extra response headers (e.g. WWW-Authenticate, Retry-After). */
    public Map<String, String> headers() {
        return headers;
    }
}

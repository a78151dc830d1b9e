package org.jinto.resource;

import jakarta.json.JsonValue;
import org.jinto.api.http.Errno;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of the {@link ApiRouter}: status, headers and an optional JSON body (null for no body, as for
 * {@code HEAD} and {@code 304}). Headers are kept in insertion order; one value per name.
 */
public final class ApiResponse {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final JsonValue body;
    private final Errno errno;

    public ApiResponse(int status, JsonValue body) {
        this(status, body, null);
    }

    /** A Kinto error answer: {@code body} is the error JSON carrying {@code errno}. */
    ApiResponse(int status, JsonValue body, Errno errno) {
        this.status = status;
        this.body = body;
        this.errno = errno;
    }

    public int status() {
        return status;
    }

    /** May be null: no body. */
    public JsonValue body() {
        return body;
    }

    /** The Kinto errno of an error answer, null otherwise (the request summary logs it). */
    public Errno errno() {
        return errno;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds the header unless the response already has it. */
    public ApiResponse headerIfAbsent(String name, String value) {
        headers.putIfAbsent(name, value);
        return this;
    }
}

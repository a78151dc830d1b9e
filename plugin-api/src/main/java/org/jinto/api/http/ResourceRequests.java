package org.jinto.api.http;

import jakarta.json.JsonValue;

import java.util.Map;

/**
 * Lets a plugin's endpoint act on the resource API as its caller, as Kinto plugins call a resource's view with the
 * current request (kinto-attachment's {@code patch_record}): validation, permissions, timestamps and resource events
 * are those of the same request sent over HTTP, inside the current request's transaction. The server provides the
 * bean.
 */
public interface ResourceRequests {

    /**
     * Serves the request and returns the answer; Kinto errors are answers too (status 4xx with the error JSON).
     *
     * @param method  upper-case HTTP method
     * @param path    the path below {@code /v1}, decoded, e.g. {@code /buckets/b/collections/c/records/r}
     * @param headers request headers, e.g. {@code Authorization}; a JSON body gets {@code Content-Type} itself
     * @param body    the JSON body, or null for none
     * @param baseUrl the absolute URL of the API root ({@code http://host:port/v1})
     */
    Answer send(String method, String path, Map<String, String> headers, JsonValue body, String baseUrl);

    /** An answer of the resource API: status, headers, body (null when none). */
    record Answer(int status, Map<String, String> headers, JsonValue body) {
    }
}

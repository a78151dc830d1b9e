package org.jinto.http.batch;

import jakarta.json.JsonObject;

import java.util.Map;

/**
 * One request of a batch, after validation and with the defaults merged in.
 *
 * @param method  HTTP method, {@code GET} when not given
 * @param path    the path as given (below {@code /v1} or starting with it), query string included
 * @param headers headers added to (or replacing) the batch request's own, null when not given
 * @param body    the JSON body, null when not given
 */
public record Subrequest(String method, String path, Map<String, String> headers, JsonObject body) {
}

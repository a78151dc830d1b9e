package org.jinto.http.batch;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * One entry of the batch answer, as Kinto's {@code build_response}: the status, the path (with the {@code /v1}
 * prefix, percent-decoded, without query string), the headers and the body (JSON, else the text, empty for HEAD).
 */
record Subresponse(int status, String path, Map<String, String> headers, JsonValue body) {

    JsonObject toJson() {
        JsonObjectBuilder headersJson = JSON.createObjectBuilder();
        headers.forEach(headersJson::add);
        return JSON.createObjectBuilder()
                .add("status", status)
                .add("path", path)
                .add("headers", headersJson)
                .add("body", body)
                .build();
    }
}

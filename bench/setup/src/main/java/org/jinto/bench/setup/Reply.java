package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.http.HttpHeaders;

/** One HTTP answer as the setup needs it. */
public record Reply(String request, int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new SetupException(request + " did not answer a JSON object: " + abbreviated(), e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name)
                .orElseThrow(() -> new SetupException(request + " answered without a " + name + " header"));
    }

    public String describe() {
        return request + " answered " + status + " " + abbreviated();
    }

    private String abbreviated() {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}

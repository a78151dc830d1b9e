package org.jinto.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The HTTP smoke every deployment must pass: the steps of {@code smoke.json}, sent in order. A step is
 * {@code {"step": name, "request": {method, path, user: "name:password", headers, json or body}, "expect": {status,
 * headers, json}}}; the answer's JSON must contain {@code expect.json} ({@link JsonSubset}), {@code ${root}}
 * in expected strings stands for {@code http://127.0.0.1:<port>}, and {@code ${too-long-id}} in request bodies
 * for an id PostgreSQL cannot index (random letters, too many even compressed: its write fails, the request answers
 * 500 and rolls back). Extend the smoke by adding steps to the file.
 */
final class Smoke {

    /** Beyond PostgreSQL's btree limit of 2,704 bytes per index row, even after compression. */
    private static final String TOO_LONG_ID = new Random(14).ints(8000, 0, 26)
            .mapToObj(letter -> String.valueOf((char) ('a' + letter))).collect(Collectors.joining());
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Smoke() {
    }

    /** Runs every step against the server at {@code root}; returns one line per failed step. */
    static List<String> run(String root) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (JsonValue step : steps()) {
            JsonObject s = step.asJsonObject();
            String failure = check(s.getJsonObject("expect"), send(root, s.getJsonObject("request")), root);
            if (failure != null) {
                failures.add(s.getString("step") + ": " + failure);
            }
        }
        return failures;
    }

    private static List<JsonValue> steps() throws IOException {
        try (InputStream in = Smoke.class.getResourceAsStream("/smoke.json"); JsonReader reader = Json.createReader(in)) {
            return reader.readArray();
        }
    }

    private static HttpResponse<String> send(String root, JsonObject request) throws IOException, InterruptedException {
        JsonValue json = request.get("json");
        // "body": a raw body (e.g. multipart), sent with the step's own Content-Type header.
        String body = json != null ? json.toString() : request.getString("body", null);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + request.getString("path")))
                .timeout(Duration.ofSeconds(30))
                .method(request.getString("method", "GET"), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.replace("${too-long-id}", TOO_LONG_ID),
                        StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (request.containsKey("user")) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(request.getString("user").getBytes(StandardCharsets.UTF_8)));
        }
        headers(request).forEach((name, value) -> builder.header(name, ((JsonString) value).getString()));
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Null when the answer is as expected; otherwise what differs, with the answer. */
    private static String check(JsonObject expect, HttpResponse<String> answer, String root) {
        String got = " — got " + answer.statusCode() + " " + answer.headers().map() + " " + answer.body();
        if (answer.statusCode() != expect.getInt("status")) {
            return "status " + expect.getInt("status") + " expected" + got;
        }
        for (Map.Entry<String, JsonValue> header : headers(expect).entrySet()) {
            String want = substitute(((JsonString) header.getValue()).getString(), root);
            String actual = answer.headers().firstValue(header.getKey()).orElse(null);
            if (!want.equals(actual)) {
                return "header " + header.getKey() + ": " + want + " expected" + got;
            }
        }
        if (expect.containsKey("json")) {
            JsonValue wanted = Json.createReader(new StringReader(substitute(expect.get("json").toString(), root))).readValue();
            JsonValue actual;
            try {
                actual = Json.createReader(new StringReader(answer.body())).readValue();
            } catch (RuntimeException notJson) {
                return "a JSON body expected" + got;
            }
            String mismatch = JsonSubset.mismatch(wanted, actual, "$");
            if (mismatch != null) {
                return mismatch + got;
            }
        }
        return null;
    }

    private static Map<String, JsonValue> headers(JsonObject holder) {
        JsonObject headers = holder.getJsonObject("headers");
        return headers == null ? Map.of() : headers;
    }

    private static String substitute(String text, String root) {
        return text.replace("${root}", root);
    }
}

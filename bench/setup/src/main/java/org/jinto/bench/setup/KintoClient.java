package org.jinto.bench.setup;

import jakarta.json.JsonStructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** A Kinto HTTP API client for the setup: JSON in, {@link Reply} out, optionally with Basic credentials. */
public final class KintoClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;
    private final Optional<String> authorization;

    private KintoClient(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
    }

    /** @param baseUrl the API root, e.g. {@code http://127.0.0.1:8886/v1} */
    public static KintoClient anonymous(String baseUrl) {
        return new KintoClient(baseUrl, Optional.empty());
    }

    public KintoClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new KintoClient(baseUrl, Optional.of("Basic " + token));
    }

    public Reply send(String method, String path, JsonStructure body) {
        return send(method, path, body, null);
    }

    /** Sends one request; {@code ifMatch} (an ETag, quotes included) may be null. */
    public Reply send(String method, String path, JsonStructure body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new SetupException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException(method + " " + path + " interrupted", e);
        }
    }

    /** Sends one request and fails the setup unless the status is one of {@code expected}. */
    public Reply expect(String method, String path, JsonStructure body, int... expected) {
        Reply reply = send(method, path, body);
        if (Arrays.stream(expected).noneMatch(status -> status == reply.status())) {
            throw new SetupException(reply.describe() + ", expected " + Arrays.toString(expected));
        }
        return reply;
    }
}

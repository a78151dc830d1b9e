package org.jinto.plugins.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body for the tests: file parts and form fields, in order. */
final class Multipart {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String boundary = "b" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    Multipart file(String field, String filename, String type, byte[] content) {
        String head = "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n");
        return part(head, content);
    }

    Multipart field(String field, String value) {
        return part("Content-Disposition: form-data; name=\"" + field + "\"\r\n",
                value.getBytes(StandardCharsets.UTF_8));
    }

    private Multipart part(String head, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\n" + head + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        parts.add(out.toByteArray());
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** POSTs the body to {@code url} with the given Authorization header (null: anonymous). */
    HttpResponse<String> post(String url, String authorization) {
        return send(url, authorization, contentType(), body());
    }

    static HttpResponse<String> send(String url, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.jinto.batch;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a batch subrequest through the web application exactly as a direct request to the same URL would run
 * (JAX-RS endpoints, the resource router, authentication, permissions, validation, CORS), by forwarding a copy of
 * the batch request with the subrequest's method, path, headers and body, and keeping the answer in memory. It
 * runs on the batch request's thread, inside its transaction and its request scope, so the subrequest's changes
 * and resource events belong to the batch. Servlet filters (transactions, request logs) only see the batch.
 */
final class SubrequestDispatcher {

    private final HttpServletRequest batch;
    private final HttpServletResponse batchResponse;
    private final String apiPrefix;

    SubrequestDispatcher(HttpServletRequest batch, HttpServletResponse batchResponse) {
        this.batch = batch;
        this.batchResponse = batchResponse;
        this.apiPrefix = batch.getServletPath();
    }

    Subresponse dispatch(Subrequest subrequest) throws ServletException, IOException {
        // Kinto's build_request: prefix with the batch's API prefix unless already there.
        String target = subrequest.path().startsWith(apiPrefix) ? subrequest.path() : apiPrefix + subrequest.path();
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);

        Map<String, String> headers = batchHeaders();
        if (subrequest.headers() != null) {
            headers.putAll(subrequest.headers());
        }
        headers.remove("Content-Length");
        byte[] body = new byte[0];
        if (subrequest.body() != null) {
            headers.put("Content-Type", "application/json; charset=utf-8");
            body = subrequest.body().toString().getBytes(StandardCharsets.UTF_8);
        }

        SubrequestServletRequest request = new SubrequestServletRequest(batch, subrequest.method(), headers, body);
        BufferedServletResponse response = new BufferedServletResponse(batchResponse);
        RequestDispatcher dispatcher = batch.getServletContext().getRequestDispatcher(UriText.escapeUnsafe(target));
        if (dispatcher == null) {
            throw new IllegalArgumentException("No dispatcher for " + target);
        }
        batch.setAttribute(BatchResource.SUBREQUEST_ATTRIBUTE, Boolean.TRUE);
        try {
            dispatcher.forward(request, response);
        } finally {
            batch.removeAttribute(BatchResource.SUBREQUEST_ATTRIBUTE);
        }
        return new Subresponse(response.status(), unquote(path), response.headers(),
                "HEAD".equals(subrequest.method()) ? Json.createValue("") : body(response.body()));
    }

    private Map<String, String> batchHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(batch.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(batch.getHeaders(name))));
        }
        return headers;
    }

    /** The body as JSON, or as text when it is not JSON (Kinto's {@code response.json}, else the raw body). */
    private static JsonValue body(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return Json.createValue(text);
        }
    }

    private static String unquote(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

package org.jinto.http.batch;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonValue;
import org.jinto.http.ResourceEventsResponseFilter;
import org.jinto.json.JsonText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs batch subrequests on the batch request's thread, inside its transaction and request scope, so that their
 * changes and resource events belong to the batch. Resource paths go through the {@link ApiRouter} (the same
 * authentication, permissions and validation as direct requests); other endpoints (hello, utilities, plugins)
 * through the web application, by forwarding a copy of the batch request with the subrequest's method, path,
 * headers and body, whose answer is kept in memory. Servlet filters (transactions, request logs) only see the
 * batch. An exception of the router (a backend failure) propagates: it fails the whole batch.
 */
final class SubrequestDispatcher {

    private final HttpServletRequest batch;
    private final HttpServletResponse batchResponse;
    private final ApiRouter router;
    private final RequestAuthenticator authenticator;
    private final String baseUrl;
    private final String apiPrefix;

    SubrequestDispatcher(HttpServletRequest batch, HttpServletResponse batchResponse, ApiRouter router,
                         RequestAuthenticator authenticator, String baseUrl) {
        this.batch = batch;
        this.batchResponse = batchResponse;
        this.router = router;
        this.authenticator = authenticator;
        this.baseUrl = baseUrl;
        this.apiPrefix = batch.getServletPath();
    }

    Subresponse dispatch(Subrequest subrequest) throws ServletException, IOException {
        // Kinto's build_request: prefix with the batch's API prefix unless already there.
        String target = subrequest.path().startsWith(apiPrefix) ? subrequest.path() : apiPrefix + subrequest.path();
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? null : target.substring(queryStart + 1);

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

        ApiRequest request = ApiRequest.fromHttp(subrequest.method(), UriText.escapeUnsafe(path.substring(apiPrefix.length())),
                query == null ? null : UriText.escapeUnsafe(query), headers, body,
                authenticator.identify(headers.get("Authorization")), baseUrl);
        String answeredPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (router.serves(request.path())) {
            return routed(unauthorizedAsKinto(router.handle(request)), answeredPath, subrequest.method());
        }
        return forwarded(subrequest.method(), UriText.escapeUnsafe(target), headers, body, answeredPath);
    }

    /**
     * Kinto renders a subrequest's 401 with its exception view alone: no CORS headers, and the challenges of the
     * policies' {@code forget()} taken by WebOb's {@code dict(response.headers)}, which keeps the last one.
     */
    private ApiResponse unauthorizedAsKinto(ApiResponse response) {
        if (response.status() == 401) {
            response.headers().keySet().removeIf(name -> name.startsWith("Access-Control-"));
            List<String> challenges = authenticator.challenges();
            if (!challenges.isEmpty()) {
                response.header("WWW-Authenticate", challenges.get(challenges.size() - 1));
            }
        }
        return response;
    }

    private static Subresponse routed(ApiResponse response, String path, String method) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        JsonValue body = JSON.createValue("");
        if (response.body() != null) {
            byte[] bytes = response.body().toString().getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
            headers.put("Content-Length", Integer.toString(bytes.length));
            body = "HEAD".equals(method) ? body : response.body();
        }
        return new Subresponse(response.status(), path, headers, body);
    }

    private Subresponse forwarded(String method, String target, Map<String, String> headers, byte[] body, String path)
            throws ServletException, IOException {
        SubrequestServletRequest request = new SubrequestServletRequest(batch, method, headers, body);
        BufferedServletResponse response = new BufferedServletResponse(batchResponse);
        RequestDispatcher dispatcher = batch.getServletContext().getRequestDispatcher(target);
        if (dispatcher == null) {
            throw new IllegalArgumentException("No dispatcher for " + target);
        }
        batch.setAttribute(ResourceEventsResponseFilter.BATCH_SUBREQUEST, Boolean.TRUE);
        try {
            dispatcher.forward(request, response);
        } finally {
            batch.removeAttribute(ResourceEventsResponseFilter.BATCH_SUBREQUEST);
        }
        return new Subresponse(response.status(), path, response.headers(),
                "HEAD".equals(method) ? JSON.createValue("") : json(response.body()));
    }

    private Map<String, String> batchHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(batch.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(batch.getHeaders(name))));
        }
        return headers;
    }

    /** The body as JSON, or as text when it is not JSON (Kinto's {@code response.json}, else the raw body). */
    private static JsonValue json(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return JsonText.read(text);
        } catch (IllegalArgumentException e) {
            return JSON.createValue(text);
        }
    }
}

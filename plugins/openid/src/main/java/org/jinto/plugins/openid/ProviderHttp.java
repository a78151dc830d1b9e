package org.jinto.plugins.openid;

import org.jinto.api.storage.BackendException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider's HTTP endpoints (discovery, token, userinfo). A provider that cannot be reached, times out or answers
 * 5xx is down: a {@link BackendException} (503 with Retry-After); any other answer is the caller's to judge. Messages
 * name the URL, never a token or the client secret.
 */
final class ProviderHttp {

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(long timeoutSeconds) {
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(request::header);
        return send(url, request.build());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) {
        return send(url, HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    private HttpResponse<String> send(String url, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackendException("OpenID provider unavailable: " + url + " (" + e + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("Interrupted while calling the OpenID provider " + url, e);
        }
        if (response.statusCode() >= 500) {
            throw new BackendException("OpenID provider unavailable: " + url + " answered " + response.statusCode(),
                    null);
        }
        return response;
    }

    /** Form encoding, as Python's {@code urlencode} writes a query string or a form body. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

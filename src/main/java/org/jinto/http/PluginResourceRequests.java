package org.jinto.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.jinto.api.http.ResourceRequests;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link ResourceRequests} of plugins: their requests go through the {@link ApiRouter} as {@link ApiEndpoint}'s. */
@ApplicationScoped
public class PluginResourceRequests implements ResourceRequests {

    @Inject
    ApiRouter router;
    @Inject
    RequestAuthenticator authenticator;

    @Override
    public Answer send(String method, String path, Map<String, String> headers, JsonValue body, String baseUrl) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        byte[] bytes = null;
        if (body != null) {
            all.put("Content-Type", "application/json");
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        ApiRequest request = new ApiRequest(method, path, null, all, bytes,
                authenticator.identify(all.get("Authorization")),
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        ApiResponse response = router.handle(request);
        return new Answer(response.status(), Map.copyOf(response.headers()), response.body());
    }
}

package org.jinto.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.Cors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS for the JAX-RS endpoints other than the resource API (hello, utilities, plugins' endpoints), which answers
 * its own: Kinto's default exposed headers on every response, and a preflight answer for {@code OPTIONS} built from
 * the methods the endpoint serves (the {@code Allow} header of Jersey's automatic {@code OPTIONS} response).
 */
@Provider
public class CorsFilter implements ContainerResponseFilter {

    @Inject
    Cors cors;
    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (resourceInfo.getResourceClass() == ApiEndpoint.class) {
            return;  // The resource router answered with its own CORS headers.
        }
        ApiRequest apiRequest = apiRequest(request);
        String allow = response.getHeaderString("Allow");
        if ("OPTIONS".equals(request.getMethod()) && allow != null) {
            List<String> methods = new ArrayList<>(Arrays.stream(allow.split(",")).map(String::strip).toList());
            ApiResponse preflight = cors.preflight(apiRequest, methods, new LinkedHashSet<>(Cors.DEFAULT_EXPOSED));
            response.setStatus(preflight.status());
            response.setEntity(preflight.body().toString(), null, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
            response.getHeaders().remove("Allow");
            preflight.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
            return;
        }
        Optional<String> origin = cors.allowedOrigin(Optional.ofNullable(request.getHeaderString("Origin")));
        origin.ifPresent(o -> response.getHeaders().putSingle("Access-Control-Allow-Origin", o));
        if (!response.getHeaders().containsKey("Access-Control-Expose-Headers")) {
            response.getHeaders().putSingle("Access-Control-Expose-Headers", String.join(", ", Cors.DEFAULT_EXPOSED));
        }
    }

    private static ApiRequest apiRequest(ContainerRequestContext request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return new ApiRequest(request.getMethod(), "/" + request.getUriInfo().getPath(), null, headers,
                null, null, request.getUriInfo().getBaseUri().toString());
    }
}

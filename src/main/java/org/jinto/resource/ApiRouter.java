package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.http.ErrorResponses;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of the resource API, independent of HTTP plumbing: finds the resource endpoint of a request
 * path, answers CORS preflights and unsupported methods (405), lets the {@link ResourceEngine} serve the rest, and
 * turns Kinto errors into responses. The JAX-RS endpoint and the batch endpoint both dispatch through
 * {@link #handle(ApiRequest)}.
 */
@ApplicationScoped
public class ApiRouter {

    private static final List<String> OBJECT_METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "DELETE");
    private static final List<String> READ_METHODS = List.of("GET", "HEAD");

    @Inject
    ResourceTypes types;
    @Inject
    ResourceEngine engine;
    @Inject
    Cors cors;
    @Inject
    Settings settings;

    /** Whether a resource endpoint serves this path (below {@code /v1}). */
    public boolean serves(String path) {
        return route(path).isPresent();
    }

    /**
     * Answers a request. Kinto errors (4xx, and those thrown by listeners) become error responses; other
     * failures propagate to the caller.
     */
    public ApiResponse handle(ApiRequest request) {
        Optional<Route> found = route(request.path());
        if (found.isEmpty()) {
            return ErrorsAsResponses.of(ErrorResponses.notFound());
        }
        Route route = found.get();
        List<String> methods = methods(route);
        if ("OPTIONS".equals(request.method())) {
            List<String> withOptions = new java.util.ArrayList<>(methods);
            withOptions.add("OPTIONS");
            return cors.preflight(request, withOptions, Cors.exposedByEndpoint(route.plural(), methods));
        }
        ApiResponse response;
        try {
            if (!methods.contains(request.method())) {
                List<String> allow = new java.util.ArrayList<>(methods);
                allow.add("OPTIONS");
                throw ErrorResponses.methodNotAllowed(new java.util.LinkedHashSet<>(allow));
            }
            response = engine.handle(request, route);
        } catch (KintoException e) {
            response = ErrorsAsResponses.of(e);
        }
        cors.decorate(request, response, Cors.exposed(route.plural(), request.method()));
        return response;
    }

    private List<String> methods(Route route) {
        List<String> methods = route.plural() ? route.type().pluralMethods() : OBJECT_METHODS;
        if (settings.getBoolean("kinto.readonly", false)) {
            return methods.stream().filter(READ_METHODS::contains).toList();
        }
        return methods;
    }

    private Optional<Route> route(String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            return Optional.empty();
        }
        return types.route(Arrays.asList(path.substring(1).split("/", -1)));
    }
}

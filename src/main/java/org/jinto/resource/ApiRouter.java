package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.errors.KintoErrors;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entry point of the resource API, independent of HTTP plumbing: resolves plugins' aliases
 * ({@link ApiAlias}), finds the resource endpoint of a request path (or a {@link ComputedList}), answers CORS
 * preflights and unsupported methods (405), lets the {@link ResourceEngine} serve the rest, and turns Kinto errors
 * into responses. The JAX-RS endpoint and the batch endpoint both dispatch through
 * {@link #handle(ApiRequest)}.
 */
@ApplicationScoped
public class ApiRouter {

    private static final List<String> OBJECT_METHODS = List.of("GET", "HEAD", "PUT", "PATCH", "DELETE");
    private static final List<String> READ_METHODS = List.of("GET", "HEAD");
    /** The methods of a {@link ComputedList}. */
    public static final List<String> COMPUTED_LIST_METHODS = List.of("HEAD", "GET");

    @Inject
    ResourceTypes types;
    @Inject
    ResourceEngine engine;
    @Inject
    Cors cors;
    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<ApiAlias> aliases;
    @Inject
    @Any
    Instance<ComputedList> computedLists;

    /** Whether a resource endpoint or a computed list serves this path (below {@code /v1}). */
    public boolean serves(String path) {
        return types.route(path).isPresent() || computedList(path).isPresent();
    }

    /**
     * Answers a request, after resolving aliases. Kinto errors (4xx, and those thrown by listeners) become error
     * responses; other failures propagate to the caller.
     */
    public ApiResponse handle(ApiRequest request) {
        ApiRequest resolved;
        try {
            resolved = resolve(request);
        } catch (KintoException e) {
            return ErrorsAsResponses.of(e);
        }
        Optional<Route> found = types.route(resolved.path());
        if (found.isPresent()) {
            Route route = found.get();
            if (route.plural() && "HEAD".equals(resolved.method()) && !route.type().pluralMethods().contains("HEAD")) {
                return corniceHead(resolved, route);
            }
            return serve(resolved, route.plural(), methods(route.type(), route.plural()),
                    route.plural() ? route.type().pluralMethods() : OBJECT_METHODS, r -> engine.handle(r, route));
        }
        Optional<ComputedList> list = computedList(resolved.path());
        if (list.isPresent()) {
            return serve(resolved, true, COMPUTED_LIST_METHODS, COMPUTED_LIST_METHODS, list.get()::list);
        }
        return ErrorsAsResponses.of(KintoErrors.notFound());
    }

    /** Whether an alias stands for this path (then {@link #resolve} may change it). */
    public boolean aliased(String path) {
        for (ApiAlias alias : aliases) {
            if (alias.covers(path)) {
                return true;
            }
        }
        return false;
    }

    /** The request after the aliases (e.g. {@code /buckets/default}): what they stand for, created if missing. */
    public ApiRequest resolve(ApiRequest request) {
        ApiRequest resolved = request;
        for (ApiAlias alias : aliases) {
            resolved = alias.resolve(resolved);
        }
        return resolved;
    }

    /**
     * Cornice gives a plural endpoint declared without {@code HEAD} (history) an automatic one, answered by its
     * {@code GET} view: the GET's headers and CORS exposure (no counts), without the body.
     */
    private ApiResponse corniceHead(ApiRequest request, Route route) {
        ApiResponse get = serve(request.withMethod("GET"), true, methods(route.type(), true),
                route.type().pluralMethods(), r -> engine.handle(r, route));
        ApiResponse head = new ApiResponse(get.status(), null, get.errno());
        get.headers().forEach(head::header);
        return head;
    }

    /**
     * The preflight, 405 and CORS rules of an endpoint serving {@code methods} ({@code declared}: those with their
     * own view, whose exposed headers a preflight allows), around its own answer.
     */
    private ApiResponse serve(ApiRequest request, boolean plural, List<String> methods, List<String> declared,
                              Function<ApiRequest, ApiResponse> answer) {
        if ("OPTIONS".equals(request.method())) {
            List<String> withOptions = new java.util.ArrayList<>(methods);
            withOptions.add("OPTIONS");
            return cors.preflight(request, withOptions, Cors.exposedByEndpoint(plural, declared));
        }
        ApiResponse response;
        try {
            if (!methods.contains(request.method())) {
                List<String> allow = new java.util.ArrayList<>(methods);
                allow.add("OPTIONS");
                throw KintoErrors.methodNotAllowed(new java.util.LinkedHashSet<>(allow));
            }
            response = answer.apply(request);
        } catch (KintoException e) {
            response = ErrorsAsResponses.of(e);
        }
        cors.decorate(request, response, Cors.exposed(plural, request.method()));
        return response;
    }

    /**
     * The methods served on a type's plural or object endpoint with the current settings (reads only if read-only);
     * a plural {@code GET} without {@code HEAD} gets Cornice's automatic {@code HEAD}, listed after it.
     */
    public List<String> methods(ResourceType type, boolean plural) {
        List<String> methods = plural ? withAutomaticHead(type.pluralMethods()) : OBJECT_METHODS;
        if (settings.getBoolean("kinto.readonly", false)) {
            return methods.stream().filter(READ_METHODS::contains).toList();
        }
        return methods;
    }

    private static List<String> withAutomaticHead(List<String> methods) {
        if (methods.contains("HEAD") || !methods.contains("GET")) {
            return methods;
        }
        List<String> withHead = new java.util.ArrayList<>(methods);
        withHead.add(methods.indexOf("GET") + 1, "HEAD");
        return withHead;
    }

    /** The computed lists the current settings turn on. */
    public List<ComputedList> enabledComputedLists() {
        return computedLists.stream().filter(ComputedList::enabled).toList();
    }

    private Optional<ComputedList> computedList(String path) {
        return computedLists.stream().filter(list -> list.serves(path)).findFirst();
    }
}

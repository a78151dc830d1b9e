package org.jinto.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.jinto.ops.RequestLogContext;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Records which JAX-RS resource method answered, as its path template ({@code /__heartbeat__}), so that request
 * metrics name endpoints by template. Uses only standard JAX-RS ({@link ResourceInfo}), not Jersey internals.
 */
@Provider
public class MatchedEndpointFilter implements ContainerResponseFilter {

    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    @Context
    ResourceInfo resourceInfo;
    @Inject
    RequestLogContext logContext;

    /** Each resource method's template, read from its annotations once rather than on every request. */
    private final Map<ResourceMethod, String> templates = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null) {
            logContext.setMatchedTemplate(templates.computeIfAbsent(
                    new ResourceMethod(resourceInfo.getResourceClass(), method),
                    matched -> template(matched.resourceClass(), matched.method())));
        }
    }

    /** The path template of a resource method below the application path, e.g. {@code /admin/{file: .+}}. */
    public static String template(Class<?> resourceClass, Method method) {
        String joined = "/" + pathOf(resourceClass) + "/" + pathOf(method);
        String template = REPEATED_SLASHES.matcher(joined).replaceAll("/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    private record ResourceMethod(Class<?> resourceClass, Method method) {
    }

    private static String pathOf(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }
}

package org.jinto.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiRouter;
import org.jinto.resource.ResourceTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource API's aliases (the personal bucket {@code /buckets/default}) also stand for the endpoints that plugins
 * serve below a bucket outside the resource API, as Kinto's default bucket view forwards any path below it: e.g. the
 * history snapshot {@code /buckets/default/snapshot/collections/{cid}@{timestamp}}. Such a request is resolved by the
 * aliases (which check the caller and create what is missing) and matched again on the path they resolve to.
 */
@Provider
@PreMatching
@ApplicationScoped
public class AliasedEndpointsFilter implements ContainerRequestFilter {

    @Inject
    ApiRouter router;
    @Inject
    ResourceTypes types;
    @Inject
    RequestAuthenticator authenticator;

    @Override
    public void filter(ContainerRequestContext context) {
        UriInfo uri = context.getUriInfo();
        String rawPath = uri.getPath(false);
        // Only aliased paths; the resource API's own are resolved by its router; preflights need no resolution.
        if (!router.aliased("/" + rawPath) || "OPTIONS".equals(context.getMethod())
                || types.route("/" + rawPath).isPresent()) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        context.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        ApiRequest request = ApiRequest.fromHttp(context.getMethod(), rawPath, uri.getRequestUri().getRawQuery(),
                headers, new byte[0], authenticator.identify(context.getHeaderString("Authorization")),
                uri.getBaseUri().toString());
        ApiRequest resolved = router.resolve(request);
        if (!resolved.path().equals(request.path())) {
            context.setRequestUri(uri.getBaseUriBuilder().path(resolved.path())
                    .replaceQuery(uri.getRequestUri().getRawQuery()).build());
        }
    }
}

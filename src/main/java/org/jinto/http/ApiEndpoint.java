package org.jinto.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;
import org.jinto.resource.query.QueryString;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP entry of the resource API ({@code /v1/buckets...}, {@code /v1/accounts...}): turns the JAX-RS request
 * into an {@link ApiRequest} for the {@link ApiRouter} and its {@link ApiResponse} back into a response.
 */
@Path("{path: (buckets|accounts)(/.*)?}")
@RequestScoped
public class ApiEndpoint {

    @Inject
    ApiRouter router;
    @Inject
    RequestAuthenticator authenticator;

    @Context
    UriInfo uriInfo;
    @Context
    HttpHeaders httpHeaders;
    @Context
    Request request;

    @GET
    public Response get() {
        return handle(null);
    }

    @HEAD
    public Response head() {
        return handle(null);
    }

    @OPTIONS
    public Response options() {
        return handle(null);
    }

    @DELETE
    public Response delete(byte[] body) {
        return handle(body);
    }

    @POST
    public Response post(byte[] body) {
        return handle(body);
    }

    @PUT
    public Response put(byte[] body) {
        return handle(body);
    }

    @PATCH
    public Response patch(byte[] body) {
        return handle(body);
    }

    private Response handle(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        httpHeaders.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        String baseUrl = uriInfo.getBaseUri().toString();
        ApiRequest apiRequest = new ApiRequest(request.getMethod(), decodedPath(),
                QueryString.parse(uriInfo.getRequestUri().getRawQuery()), headers, body,
                authenticator.identify(httpHeaders.getHeaderString("Authorization")),
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        return toResponse(router.handle(apiRequest));
    }

    /** The path below /v1, each segment decoded on its own so that an encoded slash stays inside its segment. */
    private String decodedPath() {
        String path = uriInfo.getPath(false);
        return "/" + List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1)).stream()
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }

    static Response toResponse(ApiResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        response.headers().forEach(builder::header);
        if (response.body() != null) {
            builder.type("application/json").entity(response.body().toString());
        }
        return builder.build();
    }
}

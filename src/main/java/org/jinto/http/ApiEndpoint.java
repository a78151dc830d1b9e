package org.jinto.http;

import io.swagger.annotations.Api;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.ops.RequestLogContext;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP entry of the resource API ({@code /v1/buckets...}, {@code /v1/accounts...}, {@code /v1/permissions}):
 * turns the JAX-RS request into an {@link ApiRequest} for the {@link ApiRouter} and its {@link ApiResponse} back
 * into a response. One instance serves every request (its {@code @Context} fields are the framework's per-request
 * proxies): creating a request-scoped bean per request was a tenth of a request's CPU time. The API description
 * reads these endpoints from the router's resource types, not from here.
 */
@Api(hidden = true)
@Path("{path: (buckets|accounts|permissions)(/.*)?}")
@ApplicationScoped
public class ApiEndpoint {

    @Inject
    ApiRouter router;
    @Inject
    RequestAuthenticator authenticator;
    @Inject
    RequestLogContext logContext;

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

    /** A HEAD answer has no body but the type a GET's would have, Kinto's JSON (Jersey would guess one). */
    @HEAD
    public Response head() {
        return Response.fromResponse(handle(null)).type(MediaType.APPLICATION_JSON_TYPE).build();
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
        ApiRequest apiRequest = ApiRequest.fromHttp(request.getMethod(), uriInfo.getPath(false),
                uriInfo.getRequestUri().getRawQuery(), headers, body,
                authenticator.identify(httpHeaders.getHeaderString("Authorization")), uriInfo.getBaseUri().toString());
        ApiResponse response = router.handle(apiRequest);
        if (response.errno() != null) {
            logContext.setErrno(response.errno());
        }
        return toResponse(response);
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

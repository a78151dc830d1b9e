package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.Api;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.ops.RequestLogContext;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP entry of the resource API ({@code /v1/buckets...}, {@code /v1/accounts...}, {@code /v1/permissions}):
 * turns the JAX-RS request into an {@link ApiRequest} for the {@link ApiRouter} and its {@link ApiResponse} back
 * into a response. One instance serves every request: creating a request-scoped bean per request was a tenth of a
 * request's CPU time. The request comes as method parameters, looked up once, rather than through
 * {@code @Context} fields, which on a shared instance are proxies that look the current request up on every call;
 * only the standard parameter types (RESTEasy, on WildFly, injects no {@code ContainerRequestContext} there).
 * The API description reads these endpoints from the router's resource types, not from here.
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

    @GET
    public Response get(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo) {
        return handle(request, headers, uriInfo, null);
    }

    /** A HEAD answer has no body but the type a GET's would have, Kinto's JSON (Jersey would guess one). */
    @HEAD
    public Response head(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo) {
        return Response.fromResponse(handle(request, headers, uriInfo, null)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @OPTIONS
    public Response options(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo) {
        return handle(request, headers, uriInfo, null);
    }

    @DELETE
    public Response delete(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo, byte[] body) {
        return handle(request, headers, uriInfo, body);
    }

    @POST
    public Response post(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo, byte[] body) {
        return handle(request, headers, uriInfo, body);
    }

    @PUT
    public Response put(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo, byte[] body) {
        return handle(request, headers, uriInfo, body);
    }

    @PATCH
    public Response patch(@Context Request request, @Context HttpHeaders headers, @Context UriInfo uriInfo, byte[] body) {
        return handle(request, headers, uriInfo, body);
    }

    private Response handle(Request request, HttpHeaders headers, UriInfo uriInfo, byte[] body) {
        Map<String, String> headerValues = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> headerValues.put(name, String.join(", ", values)));
        ApiRequest apiRequest = ApiRequest.fromHttp(request.getMethod(), uriInfo.getPath(false),
                uriInfo.getRequestUri().getRawQuery(), headerValues, body,
                authenticator.identify(headers.getHeaderString("Authorization")), uriInfo.getBaseUri().toString());
        ApiResponse response = router.handle(apiRequest);
        if (response.errno() != null) {
            logContext.setErrno(response.errno());
        }
        return toResponse(response);
    }

    static Response toResponse(ApiResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        response.headers().forEach(builder::header);
        JsonValue body = response.body();
        if (body != null) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity((StreamingOutput) out -> write(body, out));
        }
        return builder.build();
    }

    /**
     * Prints the answer straight into the response stream, the bytes {@code body.toString()} would give in UTF-8,
     * without building that text first. Only flushed: Jersey closes the stream once the entity is written.
     */
    private static void write(JsonValue body, OutputStream out) {
        JsonGenerator generator = JSON.createGenerator(out);
        generator.write(body);
        generator.flush();
    }
}

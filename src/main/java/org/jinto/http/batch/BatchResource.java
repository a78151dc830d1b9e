package org.jinto.http.batch;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.Settings;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiRouter;
import org.jinto.resource.Requests;
import org.jinto.resource.body.JsonBodyReader;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.database.Transactions;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/batch} as Kinto's batch view: at most {@code kinto.batch_max_requests} subrequests (none into
 * {@code /batch}), run in order through the application, answered as {@code {"responses": [...]}}. The batch is
 * one transaction: a subresponse of 500 or more stops it and becomes the batch's own answer, so that everything
 * rolls back; 4xx subresponses are kept in the list and do not roll back, except a 409 conflict, which rolls the
 * whole batch back (Kinto aborts its transaction there).
 */
@Path("batch")
@RequestScoped
public class BatchResource {

    static final String MAX_REQUESTS = "kinto.batch_max_requests";
    private static final String BATCH_PATH = "/batch";

    @Inject
    Settings settings;
    @Inject
    ApiRouter router;
    @Inject
    RequestAuthenticator authenticator;

    @POST
    @ApiOperation(value = "Send several requests in one.", nickname = "batch", tags = "Batch")
    @ApiResponses(@ApiResponse(code = 200, message = "The answers of the subrequests, in order."))
    public Response batch(byte[] body, @Context UriInfo uriInfo, @Context HttpHeaders httpHeaders,
                          @Context HttpServletRequest request, @Context HttpServletResponse response)
            throws ServletException, IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        httpHeaders.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        Requests.checkMediaTypes(ApiRequest.fromHttp("POST", BATCH_PATH, null, headers, body, null,
                uriInfo.getBaseUri().toString()));
        List<Subrequest> subrequests = BatchPayload.parse(JsonBodyReader.withDefaults().readRequestBody(body, request.getContentType()));
        long limit = settings.getLong(MAX_REQUESTS, 25);
        if (limit > 0 && subrequests.size() > limit) {
            throw InvalidParameters.of("body", "requests", "Number of requests is limited to " + limit);
        }
        // Kinto's test is a substring one.
        if (subrequests.stream().anyMatch(s -> s.path().contains(BATCH_PATH))) {
            throw InvalidParameters.of("body", "requests", "Recursive call on " + BATCH_PATH + " endpoint is forbidden.");
        }
        SubrequestDispatcher dispatcher = new SubrequestDispatcher(request, response, router, authenticator,
                uriInfo.getBaseUri().toString());
        JsonArrayBuilder responses = JSON.createArrayBuilder();
        for (Subrequest subrequest : subrequests) {
            Subresponse subresponse = dispatcher.dispatch(subrequest);
            if (subresponse.status() >= 500) {
                return failure(subresponse);
            }
            if (subresponse.status() == 409) {
                // Kinto aborts the transaction on a conflict (Kinto#624); here the whole batch rolls back.
                Transactions.markRollbackOnly();
            }
            responses.add(subresponse.toJson());
        }
        return Response.ok(JSON.createObjectBuilder().add("responses", responses).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A failed subrequest fails the batch as a whole, with its own answer (Kinto lets its error propagate). */
    private static Response failure(Subresponse subresponse) {
        Response.ResponseBuilder failed = Response.status(subresponse.status()).entity(subresponse.body().toString());
        subresponse.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                failed.header(name, value);
            }
        });
        return failed.build();
    }
}

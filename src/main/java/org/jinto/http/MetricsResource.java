package org.jinto.http;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jinto.ops.metrics.Metrics;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.errors.KintoErrors;

/** {@code GET /v1/__metrics__}: the Prometheus text exposition, when {@code kinto.plugins.prometheus} is included. */
@Path("__metrics__")
@RequestScoped
public class MetricsResource implements OptionalEndpoint {

    /** The Prometheus text exposition format, version 0.0.4, which every Prometheus server scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @Override
    public boolean isServed() {
        return metrics.prometheus().isPresent();
    }

    @GET
    @ApiOperation(value = "Metrics in the Prometheus text format.", nickname = "metrics", tags = "Metrics",
            produces = CONTENT_TYPE)
    @ApiResponses(@ApiResponse(code = 200, message = "The current metrics."))
    public Response scrape() {
        String text = metrics.prometheus().orElseThrow(KintoErrors::notFound).scrape();
        return Response.ok(text, CONTENT_TYPE).build();
    }
}

package org.jinto.http.openapi;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/__api__}: the OpenAPI description of this server; anyone may read it. */
@Path("__api__")
@RequestScoped
public class OpenApiResource {

    @Inject
    OpenApiDocument document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "OpenAPI description of the running instance.", nickname = "get_openapi_spec",
            tags = "Utilities")
    @ApiResponses(@ApiResponse(code = 200, message = "Return an OpenAPI description of the running instance."))
    public String describe() {
        return document.json();
    }
}

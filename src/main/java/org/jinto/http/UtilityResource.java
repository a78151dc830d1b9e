package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jinto.ops.ServerInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service utility endpoints: heartbeats, version, contribute.json. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UtilityResource {

    @Inject
    Heartbeat heartbeat;
    @Inject
    ServerInfo serverInfo;

    @GET
    @Path("__heartbeat__")
    @ApiOperation(value = "Health of the backends and plugins.", nickname = "__heartbeat__", tags = "Utilities")
    @ApiResponses({@ApiResponse(code = 200, message = "Every check passed."),
            @ApiResponse(code = 503, message = "A check failed: its name maps to false.")})
    public Response heartbeat() {
        var checks = heartbeat.run();
        boolean healthy = checks.values().stream().allMatch(Boolean::booleanValue);
        var body = JSON.createObjectBuilder();
        checks.forEach(body::add);
        return Response.status(healthy ? 200 : 503).entity(body.build().toString()).build();
    }

    @GET
    @Path("__lbheartbeat__")
    @ApiOperation(value = "Load balancer check: the server answers.", nickname = "__lbheartbeat__", tags = "Utilities")
    @ApiResponses(@ApiResponse(code = 200, message = "The server is up."))
    public String lbHeartbeat() {
        return "{}";
    }

    @GET
    @Path("__version__")
    @ApiOperation(value = "Version and build of the running instance.", nickname = "__version__", tags = "Utilities")
    @ApiResponses(@ApiResponse(code = 200, message = "Return the version information."))
    public String version() {
        return serverInfo.versionJson().toString();
    }

    @GET
    @Path("contribute.json")
    @ApiOperation(value = "Information about contributing to the project.", nickname = "contribute",
            tags = "Utilities")
    @ApiResponses(@ApiResponse(code = 200, message = "Return the contribute.json document."))
    public String contribute() {
        try (InputStream in = UtilityResource.class.getResourceAsStream("/contribute.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

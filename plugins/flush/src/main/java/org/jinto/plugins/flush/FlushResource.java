package org.jinto.plugins.flush;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jinto.api.cache.Cache;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;

/** {@code POST /v1/__flush__}: removes everything from the three backends; 404 while the plugin is disabled. */
@Path("__flush__")
@RequestScoped
public class FlushResource implements OptionalEndpoint {

    @Inject
    FlushPlugin plugin;
    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;
    @Inject
    Cache cache;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Clear database content.", nickname = "create_flush", tags = "Flush")
    @ApiResponses(@ApiResponse(code = 202, message = "Storage, permissions and cache were emptied."))
    public Response flush() {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        storage.flush();
        permission.flush();
        cache.flush();
        return Response.accepted("{}").build();
    }
}

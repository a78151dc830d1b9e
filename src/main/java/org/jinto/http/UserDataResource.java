package org.jinto.http;

import org.jinto.errors.KintoErrors;
import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authorization;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.UserDataDeletion;

import java.util.Map;
import java.util.Set;

/**
 * {@code DELETE /v1/__user_data__/{principal}}: deletes what the principal owns and removes it from everything
 * else ({@link UserDataDeletion}), for the principals of {@code kinto.user-data_delete_principals} only (Kinto's
 * {@code delete} permission on its {@code user-data} resource). Every other method, and the plural
 * {@code /v1/__user_data__}, answer 405 as in Kinto.
 */
@Path("__user_data__{principal: (/[^/]+)?}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserDataResource {

    static final String RESOURCE_NAME = "user-data";

    @Inject
    UserDataDeletion deletion;
    @Inject
    Authorization authorization;
    @Inject
    RequestAuthenticator authenticator;
    @Inject
    Settings settings;

    @DELETE
    @ApiOperation(value = "Delete the data owned by a user.", nickname = "delete_user-data", tags = "User-Data")
    @ApiResponses({@ApiResponse(code = 200, message = "The principal's data was deleted."),
            @ApiResponse(code = 403, message = "The caller is not in kinto.user-data_delete_principals.")})
    public String delete(@PathParam("principal") String path, @HeaderParam("Authorization") String authorizationHeader,
                         @Context UriInfo uriInfo) {
        if (path.isEmpty() || settings.getBoolean("kinto.readonly", false)) {
            throw KintoErrors.methodNotAllowed(Set.of());
        }
        String principal = path.substring(1);
        authorization.require(authorizationHeader, RESOURCE_NAME, "/__user_data__/" + principal, "delete");
        ApiRequest request = ApiRequest.fromHttp("DELETE", uriInfo.getPath(false), null, Map.of(), null,
                authenticator.identify(authorizationHeader), uriInfo.getBaseUri().toString());
        deletion.delete(request, principal);
        return JSON.createObjectBuilder()
                .add("data", JSON.createObjectBuilder().add("principal", principal)).build().toString();
    }
}

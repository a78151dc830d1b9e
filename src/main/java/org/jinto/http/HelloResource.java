package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.ops.ServerInfo;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.auth.Identity;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.resource.CacheHeaders;
import org.jinto.settings.SettingsProducer;

import java.util.Comparator;
import java.util.Objects;

/** {@code GET /v1/}: what this server is, its public settings and capabilities. */
@Path("/")
@ApplicationScoped
public class HelloResource {

    public static final String HTTP_API_VERSION = "1.23";

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<Capability> capabilities;
    @Inject
    ServerInfo serverInfo;
    @Inject
    RequestAuthenticator authenticator;
    @Inject
    UserInfo userInfo;
    @Inject
    SettingsProducer settingsFile;

    /** Capabilities are fixed once the application has started (plugins register at deployment). */
    private volatile JsonObject capabilitiesJson;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Information about the running instance.", nickname = "server_info", tags = "Utilities")
    @ApiResponses(@ApiResponse(code = 200, message = "Return information about the running instance."))
    public Response hello(@Context UriInfo uriInfo, @HeaderParam("Authorization") String authorization) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("project_name", settings.get("kinto.project_name").orElse(serverInfo.name()))
                .add("project_version", serverInfo.version())
                .add("project_docs", settings.get("kinto.project_docs", "https://kinto.readthedocs.io/"))
                .add("http_api_version", HTTP_API_VERSION)
                .add("url", uriInfo.getBaseUri().toString())
                .add("config", ConfigAttributes.of(settingsFile.file().orElse(null)))
                .add("settings", JSON.createObjectBuilder()
                        .add("batch_max_requests", settings.getLong("kinto.batch_max_requests", 25))
                        .add("explicit_permissions", settings.getBoolean("kinto.explicit_permissions", true))
                        .add("readonly", settings.getBoolean("kinto.readonly", false)))
                .add("capabilities", capabilitiesJson());
        settings.get("kinto.eos").filter(s -> !s.isBlank()).ifPresent(eos -> body.add("eos", eos));
        Identity identity = authenticator.identify(authorization);
        if (identity.authenticated()) {
            body.add("user", userInfo.of(identity));
        }
        Response.ResponseBuilder response = Response.ok(body.build().toString());
        if (settings.getBoolean("kinto.readonly", false)) {
            // A read-only server's information can be cached (Kinto's root_cache_expires_seconds).
            CacheHeaders.expiring(settings.getLong("kinto.root_cache_expires_seconds", 86400)).forEach(response::header);
        }
        return response.build();
    }

    private JsonObject capabilitiesJson() {
        if (capabilitiesJson == null) {
            capabilitiesJson = collectCapabilities();
        }
        return capabilitiesJson;
    }

    private JsonObject collectCapabilities() {
        JsonObjectBuilder all = JSON.createObjectBuilder();
        capabilities.stream().filter(Objects::nonNull).sorted(Comparator.comparing(Capability::id)).forEach(c -> {
            JsonObjectBuilder one = JSON.createObjectBuilder()
                    .add("description", c.description())
                    .add("url", c.url());
            if (c.extra() != null) {
                c.extra().forEach(one::add);
            }
            all.add(c.id(), one);
        });
        return all.build();
    }
}

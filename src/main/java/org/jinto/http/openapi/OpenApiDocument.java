package org.jinto.http.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.models.Info;
import io.swagger.models.Operation;
import io.swagger.models.Scheme;
import io.swagger.models.Swagger;
import io.swagger.models.Tag;
import io.swagger.models.auth.BasicAuthDefinition;
import io.swagger.util.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import org.jinto.api.Settings;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.http.HelloResource;
import org.jinto.http.JintoApplication;
import org.jinto.ops.ServerInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 2.0 (Swagger) description of this server, as Kinto's {@code /__api__}: generated once per application
 * from what the current settings serve — the resource API's types and computed lists, the JAX-RS endpoints, the
 * authentication policies — since it depends on the settings only.
 */
@ApplicationScoped
public class OpenApiDocument {

    /** The prefix of Basic challenges ({@code Basic realm="Realm"}): such a policy reads HTTP Basic credentials. */
    private static final String BASIC_CHALLENGE = "basic";

    @Inject
    Settings settings;
    @Inject
    ServerInfo serverInfo;
    @Inject
    RequestAuthenticator authenticator;
    @Inject
    ResourceOperations resources;
    @Inject
    ServiceOperations services;

    private String json;

    /** The description as JSON. */
    public synchronized String json() {
        if (json == null) {
            try {
                json = Json.mapper().writeValueAsString(build());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The OpenAPI model did not serialize", e);
            }
        }
        return json;
    }

    Swagger build() {
        Swagger swagger = new Swagger()
                .info(new Info().title(serverInfo.name()).version(HelloResource.HTTP_API_VERSION))
                .basePath(JintoApplication.class.getAnnotation(ApplicationPath.class).value())
                .scheme(Optional.ofNullable(Scheme.forValue(settings.get("kinto.http_scheme", "http")))
                        .orElse(Scheme.HTTP))
                .consumes(MediaType.APPLICATION_JSON)
                .produces(MediaType.APPLICATION_JSON);
        // Without host, clients use the one that served the description (Kinto writes the first request's).
        settings.get("kinto.http_host").filter(host -> !host.isBlank()).ifPresent(swagger::host);
        swagger.addDefinition(KintoSchemas.ERROR, KintoSchemas.error());
        resources.addTo(swagger, securityRequirements(swagger));
        services.addTo(swagger);
        // Sorted, so that the document reads the same whatever order CDI gives the beans in.
        swagger.setPaths(new TreeMap<>(swagger.getPaths()));
        swagger.setDefinitions(new TreeMap<>(swagger.getDefinitions()));
        tagsInUse(swagger).forEach(tag -> swagger.tag(new Tag().name(tag)));
        return swagger;
    }

    /**
     * A Basic security definition per configured policy reading HTTP Basic credentials (Kinto exposes its
     * {@code basicauth}), and the requirement of any one of them, as Kinto's operations needing a permission list.
     */
    private List<Map<String, List<String>>> securityRequirements(Swagger swagger) {
        List<Map<String, List<String>>> anyOf = new ArrayList<>();
        for (Map.Entry<String, AuthenticationPolicy> policy : authenticator.policies().entrySet()) {
            if (policy.getValue().challenge().toLowerCase(Locale.ROOT).startsWith(BASIC_CHALLENGE)) {
                BasicAuthDefinition basic = new BasicAuthDefinition();
                basic.setDescription("HTTP Basic credentials, read by the " + policy.getKey() + " policy.");
                swagger.securityDefinition(policy.getKey(), basic);
                anyOf.add(Map.of(policy.getKey(), List.of()));
            }
        }
        return anyOf;
    }

    private static Set<String> tagsInUse(Swagger swagger) {
        Set<String> tags = new LinkedHashSet<>();
        swagger.getPaths().values().forEach(path -> path.getOperations().stream()
                .map(Operation::getTags).forEach(tags::addAll));
        return tags;
    }
}

package org.jinto.http.openapi;

import io.swagger.models.ModelImpl;
import io.swagger.models.Operation;
import io.swagger.models.Path;
import io.swagger.models.Response;
import io.swagger.models.Swagger;
import io.swagger.models.parameters.BodyParameter;
import io.swagger.models.parameters.HeaderParameter;
import io.swagger.models.parameters.PathParameter;
import io.swagger.models.parameters.QueryParameter;
import io.swagger.models.properties.ArrayProperty;
import io.swagger.models.properties.LongProperty;
import io.swagger.models.properties.ObjectProperty;
import io.swagger.models.properties.Property;
import io.swagger.models.properties.RefProperty;
import io.swagger.models.properties.StringProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import org.jinto.resource.ApiRouter;
import org.jinto.resource.ComputedList;
import org.jinto.resource.PathTemplate;
import org.jinto.resource.ResourceType;
import org.jinto.resource.ResourceTypes;
import org.jinto.resource.query.ListRequestParser;
import org.jinto.resource.query.ReservedParameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The paths of the resource API as the {@link ApiRouter} serves them with the current settings: for each enabled
 * {@link ResourceType} its plural and object endpoints with the methods routed there, and each enabled
 * {@link ComputedList}; with Kinto's query parameters, precondition headers, bodies and answers.
 */
@ApplicationScoped
class ResourceOperations {

    private static final List<String> PRECONDITIONS = List.of("If-Match", "If-None-Match");

    @Inject
    ResourceTypes types;
    @Inject
    ApiRouter router;

    /** Adds the resource paths and their object definitions; {@code security} is required on each operation. */
    void addTo(Swagger swagger, List<Map<String, List<String>>> security) {
        for (ResourceType type : types.enabled()) {
            Endpoint endpoint = Endpoint.of(type);
            swagger.addDefinition(endpoint.definition(), KintoSchemas.storedObject("A " + type.name() + "."));
            swagger.addDefinition(endpoint.permissionsDefinition(), permissions(type.permissions()));
            swagger.path(endpoint.pluralPath(), path(endpoint, true, router.methods(type, true), security));
            if (type.hasObjectEndpoint()) {
                swagger.path(endpoint.objectPath(), path(endpoint, false, router.methods(type, false), security));
            }
        }
        for (ComputedList list : router.enabledComputedLists()) {
            Endpoint endpoint = Endpoint.of(list);
            swagger.path(endpoint.pluralPath(), path(endpoint, true, ApiRouter.COMPUTED_LIST_METHODS, security));
        }
    }

    private static Path path(Endpoint endpoint, boolean plural, List<String> methods,
                             List<Map<String, List<String>>> security) {
        Path path = new Path();
        for (String method : methods) {
            Operation operation = plural ? pluralOperation(endpoint, method) : objectOperation(endpoint, method);
            operation.tag(endpoint.tag());
            operation.setSecurity(security);
            endpoint.pathIds(plural).forEach(id -> operation.parameter(new PathParameter().name(id).type("string")));
            PRECONDITIONS.forEach(header -> operation.parameter(new HeaderParameter().name(header).type("string")
                    .description("A quoted timestamp (ETag), or * for any.")));
            errors(operation, method, plural);
            path.set(method.toLowerCase(Locale.ROOT), operation);
        }
        return path;
    }

    private static Operation pluralOperation(Endpoint endpoint, String method) {
        Operation operation = new Operation();
        switch (method) {
            case "GET" -> {
                query(operation, ListRequestParser.pluralParameters(true));
                operation.operationId("get_" + endpoint.plural()).summary("List " + endpoint.plural() + ".")
                        .response(200, listAnswer(endpoint, "The " + endpoint.plural() + ", a page at a time.")
                                .header("Next-Page", new StringProperty().description("The URL of the next page.")))
                        .response(304, new Response().description("Not modified since If-None-Match."));
            }
            case "HEAD" -> {
                query(operation, ListRequestParser.pluralParameters(true));
                operation.operationId("head_" + endpoint.plural()).summary("Count " + endpoint.plural() + ".")
                        .response(200, withTimestamp(new Response().description("Headers only."))
                                .header("Total-Objects", new LongProperty().description("How many match.")));
            }
            case "POST" -> operation.operationId("create_" + endpoint.name()).summary("Create a " + endpoint.name() + ".")
                    .parameter(body(endpoint))
                    .response(201, objectAnswer(endpoint, "Created."))
                    .response(200, objectAnswer(endpoint, "An object with that id existed: it is returned."));
            case "DELETE" -> {
                query(operation, ListRequestParser.pluralParameters(false));
                operation.operationId("delete_" + endpoint.plural()).summary("Delete " + endpoint.plural() + ".")
                        .response(200, listAnswer(endpoint, "The deleted objects (tombstones)."));
            }
            default -> throw new IllegalArgumentException("No description of " + method + " on a plural endpoint");
        }
        return operation;
    }

    private static Operation objectOperation(Endpoint endpoint, String method) {
        Operation operation = new Operation();
        String name = endpoint.name();
        switch (method) {
            case "GET" -> {
                query(operation, ListRequestParser.objectParameters());
                operation.operationId("get_" + name).summary("Get a " + name + ".")
                        .response(200, objectAnswer(endpoint, "The " + name + "."))
                        .response(304, new Response().description("Not modified since If-None-Match."));
            }
            case "HEAD" -> operation.operationId("head_" + name).summary("Check a " + name + ".")
                    .response(200, withTimestamp(new Response().description("Headers only.")));
            case "PUT" -> operation.operationId("update_" + name).summary("Create or replace a " + name + ".")
                    .parameter(body(endpoint))
                    .response(201, objectAnswer(endpoint, "Created."))
                    .response(200, objectAnswer(endpoint, "Replaced."));
            case "PATCH" -> operation.operationId("patch_" + name).summary("Modify a " + name + ".")
                    .consumes(List.of(MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/json-patch+json"))
                    .parameter(body(endpoint))
                    .response(200, objectAnswer(endpoint, "Modified."));
            case "DELETE" -> operation.operationId("delete_" + name).summary("Delete a " + name + ".")
                    .response(200, objectAnswer(endpoint, "The deleted object (tombstone)."));
            default -> throw new IllegalArgumentException("No description of " + method + " on an object endpoint");
        }
        return operation;
    }

    /** The statuses Kinto answers with its error JSON for this operation. */
    private static void errors(Operation operation, String method, boolean plural) {
        List<Integer> statuses = new ArrayList<>(List.of(400, 401, 403, 406, 412));
        if (!plural || !"POST".equals(method)) {
            statuses.add(404);
        }
        if (List.of("POST", "PUT", "PATCH").contains(method)) {
            statuses.add(415);
        }
        statuses.stream().sorted().forEach(status -> operation.response(status, KintoSchemas.errorResponse(status)));
        operation.defaultResponse(KintoSchemas.errorResponse("Any other error, e.g. 503 with Retry-After."));
    }

    private static void query(Operation operation, List<ReservedParameter> parameters) {
        for (ReservedParameter reserved : parameters) {
            QueryParameter parameter = new QueryParameter().name(reserved.name());
            switch (reserved.kind()) {
                case INTEGER -> parameter.type("integer").format("int64");
                case STRING -> parameter.type("string");
                case FIELD_LIST -> {
                    parameter.type("array").items(new StringProperty());
                    parameter.collectionFormat("csv");
                }
            }
            operation.parameter(parameter);
        }
    }

    private static BodyParameter body(Endpoint endpoint) {
        Map<String, Property> members = new LinkedHashMap<>();
        members.put("data", endpoint.item());
        endpoint.permissions().ifPresent(permissions -> members.put("permissions", permissions));
        return new BodyParameter().name("body").schema(KintoSchemas.object(members));
    }

    private static Response listAnswer(Endpoint endpoint, String description) {
        return withTimestamp(new Response().description(description)
                .responseSchema(KintoSchemas.object(Map.of("data", new ArrayProperty(endpoint.item())))));
    }

    private static Response objectAnswer(Endpoint endpoint, String description) {
        Map<String, Property> members = new LinkedHashMap<>();
        members.put("data", endpoint.item());
        endpoint.permissions().ifPresent(permissions -> members.put("permissions", permissions));
        return withTimestamp(new Response().description(description).responseSchema(KintoSchemas.object(members)));
    }

    private static Response withTimestamp(Response response) {
        return response.header("ETag", new StringProperty().description("The quoted timestamp of the data."))
                .header("Last-Modified", new StringProperty());
    }

    /** The permissions an object of a type can be given, each a list of principals. */
    private static ModelImpl permissions(List<String> names) {
        ModelImpl model = new ModelImpl().type(ModelImpl.OBJECT);
        names.forEach(name -> model.property(name, new ArrayProperty(new StringProperty())));
        return model;
    }

    /**
     * What the description says of one endpoint: its Kinto tag ({@code Buckets}), plural ({@code buckets}, the last
     * segment of its path) and singular ({@code bucket}, the resource name) names, path, and the definition of its
     * objects ({@code null} for computed lists, whose entries are plain objects).
     */
    private record Endpoint(String name, String plural, String pluralPath, List<String> parentIds,
                            String definition) {

        static Endpoint of(ResourceType type) {
            PathTemplate template = type.template();
            Map<String, String> placeholders = new LinkedHashMap<>();
            template.parentIdNames().forEach(id -> placeholders.put(id, "{" + id + "}"));
            String pluralPath = template.pluralUri(placeholders);
            return new Endpoint(type.name(), lastSegment(pluralPath), pluralPath, template.parentIdNames(),
                    capitalized(type.name()));
        }

        static Endpoint of(ComputedList list) {
            String plural = lastSegment(list.path());
            return new Endpoint(plural, plural, list.path(), List.of(), null);
        }

        String tag() {
            return capitalized(plural);
        }

        String objectPath() {
            return pluralPath + "/{" + PathTemplate.ID + "}";
        }

        List<String> pathIds(boolean pluralEndpoint) {
            if (pluralEndpoint) {
                return parentIds;
            }
            List<String> ids = new ArrayList<>(parentIds);
            ids.add(PathTemplate.ID);
            return ids;
        }

        String permissionsDefinition() {
            return definition + "Permissions";
        }

        Property item() {
            return definition == null ? new ObjectProperty() : new RefProperty(definition);
        }

        Optional<Property> permissions() {
            return Optional.ofNullable(definition).map(d -> new RefProperty(permissionsDefinition()));
        }

        private static String lastSegment(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private static String capitalized(String word) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
    }
}

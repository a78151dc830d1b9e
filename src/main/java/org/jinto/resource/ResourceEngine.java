package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The generic resource engine (Kinto's {@code kinto.core.resource.Resource}): the plural endpoint (list, count,
 * create, delete many) and the object endpoint (read, create-or-replace, patch, delete) of any
 * {@link ResourceType}, with Kinto's order of checks, timestamps, preconditions, permissions and listeners.
 */
@ApplicationScoped
public class ResourceEngine {

    static final Sort DEFAULT_SORT = new Sort("last_modified", -1);

    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;
    @Inject
    Settings settings;
    @Inject
    Authorizer authorizer;
    @Inject
    @Any
    Instance<ResourceListener> listeners;

    /** Serves a routed request; errors are thrown as {@link KintoException}. */
    public ApiResponse handle(ApiRequest request, Route route) {
        RequestContext context = new RequestContext(request, route, settings);
        ResourceModel model = new ResourceModel(context, storage, permission, settings);
        Requests.checkMediaTypes(request);
        boolean write = route.plural() ? "POST".equals(request.method())
                : List.of("PUT", "PATCH", "DELETE").contains(request.method());
        try {
            if (write) {
                // Kinto instantiates the resource before authorizing writes: parent checks, existing object.
                route.type().checkAddressable(context);
                model.timestamp();
                String target = targetId(context);
                context.currentObject(target == null ? null : model.find(target));
            }
            authorizer.authorize(context);
            if (!write) {
                route.type().checkAddressable(context);
                model.timestamp();
            }
            return route.plural() ? plural(context, model) : object(context, model);
        } catch (Preconditions.NotModified notModified) {
            return ObjectResponses.withTimestamp(ObjectResponses.empty(304), notModified.timestamp);
        }
    }

    /** The id a write targets: the path's id, or on a POST the {@code data.id} of the body (validated). */
    private String targetId(RequestContext context) {
        if (!context.plural()) {
            return context.route().objectId();
        }
        JsonValue id = Requests.postedId(context.request());
        if (id == null) {
            return null;
        }
        if (!(id instanceof JsonString s) || !context.route().type().idGenerator().matches(s.getString())) {
            throw invalidId();
        }
        return s.getString();
    }

    private ApiResponse plural(RequestContext context, ResourceModel model) {
        return switch (context.method()) {
            case "GET" -> list(context, model, false);
            case "HEAD" -> list(context, model, true);
            case "POST" -> create(context, model);
            default -> deleteAll(context, model);
        };
    }

    private ApiResponse object(RequestContext context, ResourceModel model) {
        String id = context.route().objectId();
        return switch (context.method()) {
            case "GET", "HEAD" -> get(context, model, id);
            case "PUT" -> put(context, model, id);
            case "PATCH" -> patch(context, model, id);
            default -> delete(context, model, id);
        };
    }

    // Plural endpoint.

    private ApiResponse list(RequestContext context, ResourceModel model, boolean countOnly) {
        long timestamp = model.timestamp();
        Preconditions preconditions = Preconditions.of(context.request());
        preconditions.raiseIfNotModified(null, model::timestamp);
        preconditions.raiseIfModified(true, null, model::timestamp);
        List<Filter> filters = filters(context);
        ApiResponse response;
        if (countOnly) {
            long count = storage.countAll(model.resourceName(), context.parentId(), filters);
            response = ObjectResponses.empty(200)
                    .header("Total-Objects", String.valueOf(count))
                    .header("Total-Records", String.valueOf(count));
        } else {
            boolean includeDeleted = filters.stream().anyMatch(f -> "last_modified".equals(f.field()));
            List<JsonObject> objects = storage.listAll(model.resourceName(), context.parentId(),
                    new Query(filters, List.of(DEFAULT_SORT), List.of(), null, includeDeleted));
            notifyRead(context, model, objects);
            response = ObjectResponses.list(objects);
        }
        if (context.request().query().containsKey("_to")) {
            response.header("Alert", TimestampFilters.TO_DEPRECATED_ALERT);
        }
        cacheHeaders(context, response);
        return ObjectResponses.withTimestamp(response, timestamp);
    }

    private ApiResponse create(RequestContext context, ResourceModel model) {
        Preconditions preconditions = Preconditions.of(context.request());
        ObjectBody body = ObjectBody.of(Requests.json(context.request()), context.route().type(), true);
        JsonObject existing = context.currentObject();
        preconditions.raiseIfModified(existing != null, existing, model::timestamp);
        if (existing != null) {
            String id = existing.getString("id");
            notifyRead(context, model, List.of(existing));
            return ObjectResponses.withTimestamp(
                    ObjectResponses.object(200, existing, model.permissionsOf(id)), ObjectResponses.lastModified(existing));
        }
        JsonObjectBuilder data = Json.createObjectBuilder(body.data() == null ? JsonValue.EMPTY_JSON_OBJECT : body.data());
        JsonValue postedId = Requests.postedId(context.request());
        data.add("id", postedId instanceof JsonString s ? s.getString() : context.route().type().idGenerator().generate());
        Processed processed = process(context, body, data.build(), null);
        JsonObject created = model.create(processed.object(), processed.permissions());
        notifyChange(context, model, ResourceChange.CREATE, created.getString("id"), null, created);
        return ObjectResponses.withTimestamp(
                ObjectResponses.object(201, created, model.permissionsOf(created.getString("id"))),
                ObjectResponses.lastModified(created));
    }

    private ApiResponse deleteAll(RequestContext context, ResourceModel model) {
        Preconditions.of(context.request()).raiseIfModified(true, null, model::timestamp);
        List<Filter> filters = filters(context);
        List<JsonObject> old = storage.listAll(model.resourceName(), context.parentId(),
                new Query(filters, List.of(DEFAULT_SORT), List.of(), null, false));
        List<JsonObject> deleted = storage.deleteAll(model.resourceName(), context.parentId(),
                new Query(filters, List.of(DEFAULT_SORT), List.of(), null, false));
        if (filters.isEmpty()) {
            permission.deleteObjectPermissions(List.of(context.route().objectUri("*")));
        } else {
            permission.deleteObjectPermissions(deleted.stream().map(d -> model.uri(d.getString("id"))).toList());
        }
        long timestamp = deleted.stream().mapToLong(ObjectResponses::lastModified).max().orElseGet(model::timestamp);
        if (deleted.isEmpty()) {
            notifyRead(context, model, List.of());
        } else {
            List<ResourceChange.Impacted> impacted = new ArrayList<>();
            for (int i = 0; i < deleted.size(); i++) {
                impacted.add(new ResourceChange.Impacted(old.get(i), deleted.get(i)));
            }
            notify(context, model, ResourceChange.DELETE, null, impacted);
        }
        return ObjectResponses.withTimestamp(ObjectResponses.list(deleted), timestamp);
    }

    // Object endpoint.

    private ApiResponse get(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        checkId(context, id);
        JsonObject object = existingOr404(context, model, id);
        long timestamp = ObjectResponses.lastModified(object);
        preconditions.raiseIfNotModified(object, model::timestamp);
        preconditions.raiseIfModified(true, object, model::timestamp);
        notifyRead(context, model, List.of(object));
        ApiResponse response = "HEAD".equals(context.method())
                ? ObjectResponses.empty(200)
                : ObjectResponses.object(200, object, model.permissionsOf(id));
        cacheHeaders(context, response);
        return ObjectResponses.withTimestamp(response, timestamp);
    }

    private ApiResponse put(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        ObjectBody body = ObjectBody.of(Requests.json(context.request()), context.route().type(), true);
        checkId(context, id);
        JsonObject existing = context.currentObject();
        preconditions.raiseIfModified(existing != null, existing, model::timestamp);
        JsonObject posted = body.data() != null ? body.data()
                : Objects.requireNonNullElse(existing, JsonValue.EMPTY_JSON_OBJECT);
        if (!posted.containsKey("id")) {
            posted = Json.createObjectBuilder(posted).add("id", id).build();
        }
        checkSameId(posted, id);
        Processed processed = process(context, body, posted, existing);
        JsonObject stored = existing != null
                ? model.update(processed.object(), processed.permissions())
                : model.create(processed.object(), processed.permissions());
        notifyChange(context, model, existing != null ? ResourceChange.UPDATE : ResourceChange.CREATE, id, existing, stored);
        return ObjectResponses.withTimestamp(
                ObjectResponses.object(existing != null ? 200 : 201, stored, model.permissionsOf(id)),
                ObjectResponses.lastModified(stored));
    }

    private ApiResponse patch(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        String behavior = Requests.responseBehavior(context.request());
        ObjectBody body = ObjectBody.of(Requests.json(context.request()), context.route().type(), false);
        checkId(context, id);
        JsonObject existing = existingOr404(context, model, id);
        preconditions.raiseIfModified(true, existing, model::timestamp);
        if (body.data() == null && (body.permissions() == null || body.permissions().isEmpty())) {
            throw InvalidRequest.body("data", "Provide at least one of data or permissions");
        }
        JsonObject changes = body.data() == null ? JsonValue.EMPTY_JSON_OBJECT : body.data();
        JsonObject updated = ObjectPatch.apply(existing, changes);
        InvalidRequest errors = new InvalidRequest();
        updated = context.route().type().validate(updated, "", errors);
        errors.throwIfAny();
        checkSameId(updated, id);
        Processed processed = process(context, body, updated, existing);
        List<String> changedFields = changes.keySet().stream()
                .filter(k -> !Objects.equals(existing.get(k), processed.object().get(k))).toList();
        JsonObject stored = model.update(processed.object(), processed.permissions());
        notifyChange(context, model, ResourceChange.UPDATE, id, existing, stored);
        ApiResponse response = switch (behavior) {
            case "light" -> ObjectResponses.object(200, subset(stored, changedFields), null);
            case "diff" -> ObjectResponses.object(200, subset(stored, changedFields.stream()
                    .filter(k -> !Objects.equals(changes.get(k), stored.get(k))).toList()), null);
            default -> ObjectResponses.object(200, stored, model.permissionsOf(id));
        };
        return ObjectResponses.withTimestamp(response, ObjectResponses.lastModified(stored));
    }

    private ApiResponse delete(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        Long lastModified = Requests.deleteLastModified(context.request());
        checkId(context, id);
        JsonObject existing = existingOr404(context, model, id);
        preconditions.raiseIfModified(true, existing, model::timestamp);
        if (lastModified != null && lastModified <= ObjectResponses.lastModified(existing)) {
            lastModified = null;
        }
        JsonObject tombstone = model.delete(id, lastModified);
        notifyChange(context, model, ResourceChange.DELETE, id, existing, tombstone);
        return ObjectResponses.withTimestamp(ObjectResponses.object(200, tombstone, null),
                ObjectResponses.lastModified(tombstone));
    }

    // Shared steps.

    /** The object to create or store, with the permissions to save (Kinto's {@code process_object}). */
    private record Processed(JsonObject object, Map<String, List<String>> permissions) {
    }

    private Processed process(RequestContext context, ObjectBody body, JsonObject object, JsonObject old) {
        JsonObjectBuilder result = Json.createObjectBuilder(object);
        JsonValue given = object.get("last_modified");
        boolean integer = given instanceof JsonNumber n && n.isIntegral();
        // A client may force last_modified (imports), but never backwards from the existing version.
        if (!integer || old != null && ((JsonNumber) given).longValue() <= ObjectResponses.lastModified(old)) {
            result.remove("last_modified");
        }
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        if (body.permissions() != null) {
            body.permissions().forEach((name, principals) -> {
                if (principals != null) {
                    permissions.put(name, principals);
                }
            });
        }
        if (!permissions.isEmpty() && "PUT".equals(context.method())) {
            // A replace removes every ACE it does not give.
            context.route().type().permissions().forEach(p -> permissions.putIfAbsent(p, List.of()));
        }
        JsonObject processed = context.route().type().process(context, result.build(), old);
        return new Processed(processed, permissions);
    }

    private static JsonObject existingOr404(RequestContext context, ResourceModel model, String id) {
        JsonObject existing = context.currentObject() != null ? context.currentObject() : model.find(id);
        if (existing == null) {
            throw new KintoException(404, Errno.INVALID_RESOURCE_ID, "Not Found", null,
                    Json.createObjectBuilder().add("id", id).add("resource_name", model.resourceName()).build(), null);
        }
        return existing;
    }

    private static void checkSameId(JsonObject object, String id) {
        if (!id.equals(object.get("id") instanceof JsonString s ? s.getString() : null)) {
            throw InvalidRequest.body("id", "Object id does not match existing object");
        }
    }

    private static void checkId(RequestContext context, String id) {
        if (!context.route().type().idGenerator().matches(id)) {
            throw invalidId();
        }
    }

    static KintoException invalidId() {
        return InvalidRequest.of("path", null, "Invalid object id");
    }

    private List<Filter> filters(RequestContext context) {
        List<Filter> filters = new ArrayList<>();
        if (context.sharedIds() != null) {
            filters.add(new Filter("id", Json.createArrayBuilder(context.sharedIds()).build(), Operator.IN));
        }
        filters.addAll(TimestampFilters.of(context.request()));
        return filters;
    }

    private static JsonObject subset(JsonObject object, List<String> fields) {
        JsonObjectBuilder result = Json.createObjectBuilder();
        fields.forEach(f -> result.add(f, object.get(f)));
        return result.build();
    }

    /**
     * Kinto's cache headers on reads: anonymous requests get {@code max-age} when the type or the
     * {@code kinto.<resource>_cache_expires_seconds} setting gives one, others {@code no-cache, no-store}.
     */
    private void cacheHeaders(RequestContext context, ApiResponse response) {
        Long expires = null;
        if (!context.identity().authenticated()) {
            expires = context.route().type().cacheExpires(context);
            if (expires == null) {
                expires = settings.get("kinto." + context.route().type().name() + "_cache_expires_seconds")
                        .filter(s -> !s.isBlank()).map(s -> Long.valueOf(s.strip())).orElse(null);
            }
        }
        if (expires == null) {
            response.header("Cache-Control", "no-cache, no-store");
        } else {
            response.header("Cache-Control", "max-age=" + expires);
            response.header("Expires", Preconditions.TimestampHeaders.of(Instant.now().plusSeconds(expires).toEpochMilli())
                    .get("Last-Modified"));
        }
    }

    // Listeners.

    private void notifyChange(RequestContext context, ResourceModel model, String action, String id,
                              JsonObject old, JsonObject current) {
        notify(context, model, action, id, List.of(new ResourceChange.Impacted(old, current)));
    }

    private void notifyRead(RequestContext context, ResourceModel model, List<JsonObject> objects) {
        String id = context.plural() ? null : context.route().objectId();
        ResourceChange read = change(context, model, ResourceChange.READ, id,
                objects.stream().map(o -> new ResourceChange.Impacted(null, o)).toList());
        listeners.forEach(l -> l.read(read));
    }

    private void notify(RequestContext context, ResourceModel model, String action, String id,
                        List<ResourceChange.Impacted> impacted) {
        ResourceChange change = change(context, model, action, id, impacted);
        listeners.forEach(l -> l.changed(change));
    }

    private ResourceChange change(RequestContext context, ResourceModel model, String action, String id,
                                  List<ResourceChange.Impacted> impacted) {
        Route route = context.route();
        String uri = route.plural() ? route.pluralUri() : route.objectUri(route.objectId());
        return new ResourceChange(action, model.resourceName(), uri, route.eventIds(id), context.parentId(),
                context.identity(), model.timestamp(), impacted);
    }
}

package org.jinto.resource;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.events.Action;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.jinto.resource.body.ObjectBody;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.patch.ObjectPatcher;
import org.jinto.resource.patch.PatchFormat;
import org.jinto.resource.patch.Patched;
import org.jinto.resource.query.ListOptions;
import org.jinto.resource.query.ListRequest;
import org.jinto.resource.query.ListRequestParser;
import org.jinto.resource.query.NextPageLink;
import org.jinto.resource.query.Page;
import org.jinto.resource.query.Pagination;
import org.jinto.resource.query.Projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The generic resource engine (Kinto's {@code kinto.core.resource.Resource}): the plural endpoint (list, count,
 * create, delete many) and the object endpoint (read, create-or-replace, patch, delete) of any
 * {@link ResourceType}, with Kinto's order of checks, timestamps, preconditions, permissions and listeners.
 */
@ApplicationScoped
public class ResourceEngine {

    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;
    @Inject
    Cache cache;
    @Inject
    Settings settings;
    @Inject
    Authorizer authorizer;
    @Inject
    ListAnswers lists;
    @Inject
    ReadAheadPlanner readAhead;
    @Inject
    @Any
    Instance<ResourceListener> listeners;
    private volatile List<ResourceListener> listenerList;

    /** Serves a routed request; errors are thrown as {@link KintoException}. */
    public ApiResponse handle(ApiRequest request, Route route) {
        RequestContext context = new RequestContext(request, route, settings);
        ResourceModel model = new ResourceModel(context, storage, permission, settings);
        Requests.checkMediaTypes(request);
        boolean write = route.plural() ? "POST".equals(request.method())
                : List.of("PUT", "PATCH", "DELETE").contains(request.method());
        try {
            if (write) {
                // Kinto instantiates the resource before authorizing writes: parent checks, existing object. (Its
                // timestamp read is left to the preconditions that need it: the write itself bumps it.)
                route.type().checkAddressable(context);
                String target = targetId(context);
                context.currentObject(target == null ? null : model.find(target));
            }
            if ("GET".equals(request.method()) || "HEAD".equals(request.method())) {
                readAhead.prefetch(context);
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

    /**
     * Kinto's implicit creation ({@code resource_create_object} of the default bucket plugin): the object an object
     * route names is created with only its id, owned by the caller, without authorization, unless it exists.
     * Listeners see the creation as any other.
     *
     * @throws KintoException 400 when the id is not a valid id of the type
     */
    public void createIfMissing(ApiRequest request, Route route) {
        RequestContext context = new RequestContext(request, route, settings);
        ResourceModel model = new ResourceModel(context, storage, permission, settings);
        String id = route.objectId();
        if (!route.type().idGenerator().matches(id)) {
            throw InvalidParameters.of("path", null, "Invalid " + route.type().name() + " id");
        }
        if (model.find(id) != null) {
            return;
        }
        JsonObject created;
        try {
            created = model.create(JSON.createObjectBuilder().add("id", id).build(), Map.of());
        } catch (UnicityException createdMeanwhile) {
            // The owner ACE this create wrote first is the winner's too: implicit objects are the caller's own.
            return;
        }
        notifyChange(context, model, Action.CREATE, id, null, created);
    }

    /**
     * Deletes objects of one plural endpoint by id without authorization (Kinto's user data deletion): their
     * permissions go, tombstones stay, and listeners see one deletion of them all (cascades, events). Ids not
     * stored are skipped.
     */
    public void deleteObjects(ApiRequest request, Route plural, Collection<String> ids) {
        RequestContext context = new RequestContext(request, plural, settings);
        ResourceModel model = new ResourceModel(context, storage, permission, settings);
        List<ResourceChange.Impacted> impacted = new ArrayList<>();
        for (String id : ids) {
            JsonObject existing = model.find(id);
            if (existing != null) {
                impacted.add(new ResourceChange.Impacted(existing, model.delete(id, null)));
            }
        }
        if (!impacted.isEmpty()) {
            notify(context, model, Action.DELETE, null, impacted);
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
            case "GET", "HEAD" -> list(context, model);
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

    private ApiResponse list(RequestContext context, ResourceModel model) {
        ListRequest list = restricted(context, parser(context).forGet(context.request().query()));
        ListAnswers.Source stored = new ListAnswers.Source() {
            @Override
            public long timestamp() {
                return model.timestamp();
            }

            @Override
            public List<JsonObject> list(Query query) {
                return storage.listAll(model.resourceName(), context.parentId(), query);
            }

            @Override
            public long count(List<Filter> filters) {
                Long live = filters.isEmpty() && context.prefetched() != null
                        ? context.prefetched().liveObjects(model.resourceName(), context.parentId()) : null;
                return live != null ? live : storage.countAll(model.resourceName(), context.parentId(), filters);
            }

            @Override
            public void listed(List<JsonObject> objects) {
                notifyRead(context, model, objects);
            }
        };
        return lists.answer(context.request(), list, stored, context.route().pluralUri(), anonymousExpires(context));
    }

    private ApiResponse create(RequestContext context, ResourceModel model) {
        Preconditions preconditions = Preconditions.of(context.request());
        ObjectBody body = fullBody(context);
        JsonObject existing = context.currentObject();
        preconditions.raiseIfModified(existing != null, existing, model::timestamp);
        if (existing != null) {
            String id = existing.getString("id");
            notifyRead(context, model, List.of(existing));
            return ObjectResponses.withTimestamp(
                    ObjectResponses.object(200, existing, model.permissionsOf(id)), ObjectResponses.lastModified(existing));
        }
        JsonObjectBuilder data = JSON.createObjectBuilder(body.data() == null ? JsonValue.EMPTY_JSON_OBJECT : body.data());
        JsonValue postedId = Requests.postedId(context.request());
        data.add("id", postedId instanceof JsonString s ? s.getString() : context.route().type().idGenerator().generate());
        Processed processed = process(context, givenPermissions(context, body), data.build(), null);
        JsonObject created = model.create(processed.object(), processed.permissions());
        notifyChange(context, model, Action.CREATE, created.getString("id"), null, created);
        return ObjectResponses.withTimestamp(
                ObjectResponses.object(201, created, model.permissionsOf(created.getString("id"))),
                ObjectResponses.lastModified(created));
    }

    private ApiResponse deleteAll(RequestContext context, ResourceModel model) {
        ListRequest list = restricted(context, parser(context).forDelete(context.request().query()));
        Preconditions.of(context.request()).raiseIfModified(true, null, model::timestamp);
        Pagination pagination = Pagination.fromSettings(cache, settings);
        Page page = pagination.resume(list, true);
        List<JsonObject> fetched = storage.listAll(model.resourceName(), context.parentId(),
                pagination.pageQuery(list, page));
        List<JsonObject> deleted = model.deleteAll(pagination.deleteQuery(list, page));
        if (list.filters().isEmpty()) {
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
                impacted.add(new ResourceChange.Impacted(fetched.get(i), deleted.get(i)));
            }
            notify(context, model, Action.DELETE, null, impacted);
        }
        ApiResponse response = ObjectResponses.list(deleted);
        pagination.nextPageAfterDelete(list, page, fetched, deleted, nextPageLink(context))
                .ifPresent(url -> response.header("Next-Page", url));
        return ObjectResponses.withTimestamp(response, timestamp);
    }

    // Object endpoint.

    private ApiResponse get(RequestContext context, ResourceModel model, String id) {
        List<String> fields = parser(context).fieldsForObject(context.request().query());
        Preconditions preconditions = Preconditions.of(context.request());
        checkId(context, id);
        JsonObject object = existingOr404(context, model, id);
        long timestamp = ObjectResponses.lastModified(object);
        preconditions.raiseIfNotModified(object, model::timestamp);
        preconditions.raiseIfModified(true, object, model::timestamp);
        notifyRead(context, model, List.of(object));
        // A projection leaves the permissions out, as Kinto's dict_subset drops them with the other fields.
        ApiResponse response = "HEAD".equals(context.method()) ? ObjectResponses.empty(200)
                : fields == null ? ObjectResponses.object(200, object, model.permissionsOf(id))
                : ObjectResponses.object(200, Projection.project(object, fields), null);
        CacheHeaders.apply(response, anonymousExpires(context));
        return ObjectResponses.withTimestamp(response, timestamp);
    }

    private ApiResponse put(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        ObjectBody body = fullBody(context);
        checkId(context, id);
        JsonObject existing = context.currentObject();
        preconditions.raiseIfModified(existing != null, existing, model::timestamp);
        JsonObject posted = body.data() != null ? body.data()
                : Objects.requireNonNullElse(existing, JsonValue.EMPTY_JSON_OBJECT);
        if (!posted.containsKey("id")) {
            posted = JSON.createObjectBuilder(posted).add("id", id).build();
        }
        checkSameId(posted, id);
        Processed processed = process(context, givenPermissions(context, body), posted, existing);
        JsonObject stored = existing != null
                ? model.update(processed.object(), processed.permissions())
                : model.create(processed.object(), processed.permissions());
        notifyChange(context, model, existing != null ? Action.UPDATE : Action.CREATE, id, existing, stored);
        return ObjectResponses.withTimestamp(
                ObjectResponses.object(existing != null ? 200 : 201, stored, model.permissionsOf(id)),
                ObjectResponses.lastModified(stored));
    }

    private ApiResponse patch(RequestContext context, ResourceModel model, String id) {
        Preconditions preconditions = Preconditions.of(context.request());
        String behavior = Requests.responseBehavior(context.request());
        PatchFormat format = PatchFormat.of(context.request().header("Content-Type").orElse(null));
        JsonValue json = Requests.json(context.request());
        List<String> permissionNames = context.route().type().permissions();
        ObjectBody body = format == PatchFormat.JSON_PATCH ? null
                : ObjectBody.of(json, permissionNames).requireDataOrPermissions();
        checkId(context, id);
        JsonObject existing = existingOr404(context, model, id);
        preconditions.raiseIfModified(true, existing, model::timestamp);
        Patched patched = format == PatchFormat.JSON_PATCH
                ? ObjectPatcher.jsonPatch(existing, model.aces(id), json, permissionNames)
                : ObjectPatcher.merge(existing, body, format, model.aces(id), permissionNames);
        List<ErrorDetail> errors = new ArrayList<>();
        JsonObject updated = context.route().type().validate(patched.data(), "", errors);
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        checkSameId(updated, id);
        Map<String, List<String>> permissions = patched.permissions() != null ? patched.permissions()
                : givenPermissions(context, body);
        Processed processed = process(context, permissions, updated, existing);
        JsonObject changes = patched.changes();
        List<String> changedFields = changes.keySet().stream()
                .filter(k -> !Objects.equals(existing.get(k), processed.object().get(k))).toList();
        JsonObject stored = model.update(processed.object(), processed.permissions());
        notifyChange(context, model, Action.UPDATE, id, existing, stored);
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
        notifyChange(context, model, Action.DELETE, id, existing, tombstone);
        return ObjectResponses.withTimestamp(ObjectResponses.object(200, tombstone, null),
                ObjectResponses.lastModified(tombstone));
    }

    // Shared steps.

    /** The object to create or store, with the permissions to save (Kinto's {@code process_object}). */
    private record Processed(JsonObject object, Map<String, List<String>> permissions) {
    }

    private Processed process(RequestContext context, Map<String, List<String>> permissions, JsonObject object,
                              JsonObject old) {
        JsonObjectBuilder result = JSON.createObjectBuilder(object);
        JsonValue given = object.get("last_modified");
        boolean integer = given instanceof JsonNumber n && n.isIntegral();
        // A client may force last_modified (imports), but never backwards from the existing version.
        if (!integer || old != null && ((JsonNumber) given).longValue() <= ObjectResponses.lastModified(old)) {
            result.remove("last_modified");
        }
        JsonObject processed = context.route().type().process(context, result.build(), old);
        return new Processed(processed, permissions);
    }

    /**
     * The permissions a create, replace or plain PATCH gives: those of the body that are not null; a replace
     * removes every other one.
     */
    private static Map<String, List<String>> givenPermissions(RequestContext context, ObjectBody body) {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        if (body != null && body.permissions() != null) {
            body.permissions().forEach((name, principals) -> {
                if (principals != null) {
                    permissions.put(name, principals);
                }
            });
        }
        if (!permissions.isEmpty() && "PUT".equals(context.method())) {
            context.route().type().permissions().forEach(p -> permissions.putIfAbsent(p, List.of()));
        }
        return permissions;
    }

    /** The body of a create or replace: {@code {data, permissions}} with {@code data} checked by the type. */
    private static ObjectBody fullBody(RequestContext context) {
        ResourceType type = context.route().type();
        ObjectBody body = ObjectBody.of(Requests.json(context.request()), type.permissions());
        List<ErrorDetail> errors = new ArrayList<>();
        if (body.data() != null) {
            JsonObject data = type.validate(body.data(), "data.", errors);
            body = new ObjectBody(data, body.permissions());
        } else {
            // Data may be omitted only when the type's schema accepts an empty object.
            List<ErrorDetail> emptyErrors = new ArrayList<>();
            type.validate(JsonValue.EMPTY_JSON_OBJECT, "data.", emptyErrors);
            if (!emptyErrors.isEmpty()) {
                errors.add(ErrorDetail.of("body", "data", "Required"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        return body;
    }

    private static JsonObject existingOr404(RequestContext context, ResourceModel model, String id) {
        JsonObject existing = context.currentObject() != null ? context.currentObject() : model.find(id);
        if (existing == null) {
            throw new KintoException(404, Errno.INVALID_RESOURCE_ID, "Not Found", null,
                    JSON.createObjectBuilder().add("id", id).add("resource_name", model.resourceName()).build(), null);
        }
        return existing;
    }

    private static void checkSameId(JsonObject object, String id) {
        if (!id.equals(object.get("id") instanceof JsonString s ? s.getString() : null)) {
            throw InvalidParameters.of("body", "id", "Object id does not match existing object");
        }
    }

    private static void checkId(RequestContext context, String id) {
        if (!context.route().type().idGenerator().matches(id)) {
            throw invalidId();
        }
    }

    static KintoException invalidId() {
        return InvalidParameters.of("path", null, "Invalid object id");
    }

    private ListRequestParser parser(RequestContext context) {
        ListOptions options = ListOptions.fromSettings(settings);
        return new ListRequestParser(context.route().type().knownFields().map(options::withKnownFields).orElse(options));
    }

    /** Restricted to the shared objects when the caller may not read the whole list. */
    private static ListRequest restricted(RequestContext context, ListRequest list) {
        ListRequest typed = list.mapFilters(context.route().type()::filter);
        return context.sharedIds() == null ? typed : typed.withSharedIds(context.sharedIds());
    }

    private static NextPageLink nextPageLink(RequestContext context) {
        return new NextPageLink(context.request().baseUrl() + context.route().pluralUri(), context.request().query());
    }

    private static JsonObject subset(JsonObject object, List<String> fields) {
        JsonObjectBuilder result = JSON.createObjectBuilder();
        fields.forEach(f -> result.add(f, object.get(f)));
        return result.build();
    }

    /** How long an anonymous reader may cache the answer: the type's expiry, else the settings'; null otherwise. */
    private Long anonymousExpires(RequestContext context) {
        if (context.identity().authenticated()) {
            return null;
        }
        Long expires = context.route().type().cacheExpires(context);
        return expires != null ? expires : CacheHeaders.expiresSetting(settings, context.route().type().name());
    }

    // Listeners.

    private void notifyChange(RequestContext context, ResourceModel model, Action action, String id,
                              JsonObject old, JsonObject current) {
        notify(context, model, action, id, List.of(new ResourceChange.Impacted(old, current)));
    }

    private void notifyRead(RequestContext context, ResourceModel model, List<JsonObject> objects) {
        List<ResourceListener> readers = listeners().stream().filter(ResourceListener::wantsReads).toList();
        if (readers.isEmpty()) {
            return;
        }
        String id = context.plural() ? null : context.route().objectId();
        ResourceChange read = change(context, model, Action.READ, id,
                objects.stream().map(o -> new ResourceChange.Impacted(null, o)).toList());
        readers.forEach(l -> l.read(read));
    }

    private void notify(RequestContext context, ResourceModel model, Action action, String id,
                        List<ResourceChange.Impacted> impacted) {
        ResourceChange change = change(context, model, action, id, impacted);
        listeners().forEach(l -> l.changed(change));
    }

    /** The listeners, looked up once (application-scoped beans): iterating the {@code Instance} resolved them per call. */
    private List<ResourceListener> listeners() {
        List<ResourceListener> resolved = listenerList;
        if (resolved == null) {
            resolved = listeners.stream().toList();
            listenerList = resolved;
        }
        return resolved;
    }

    private ResourceChange change(RequestContext context, ResourceModel model, Action action, String id,
                                  List<ResourceChange.Impacted> impacted) {
        Route route = context.route();
        String uri = route.plural() ? route.pluralUri() : route.objectUri(route.objectId());
        return new ResourceChange(action, model.resourceName(), uri, route.eventIds(id), context.parentId(),
                context.identity(), model.timestamp(), impacted);
    }
}

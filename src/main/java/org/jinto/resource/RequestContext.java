package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.auth.Identity;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;
import org.jinto.reads.ObjectKey;
import org.jinto.reads.Prefetched;

import java.util.List;

/**
 * The state of one request inside the engine: the request, what it addresses, and what authorization found out
 * (the existing object, the ids shared with the caller on a plural endpoint).
 */
public final class RequestContext {

    private final ApiRequest request;
    private final Route route;
    private final Settings settings;
    private String parentId;
    private JsonObject currentObject;
    private List<String> sharedIds;
    private Prefetched prefetched;
    private final java.util.Map<String, Object> attributes = new java.util.HashMap<>();

    RequestContext(ApiRequest request, Route route, Settings settings) {
        this.request = request;
        this.route = route;
        this.settings = settings;
    }

    public ApiRequest request() {
        return request;
    }

    public Route route() {
        return route;
    }

    public Settings settings() {
        return settings;
    }

    public Identity identity() {
        return request.identity();
    }

    public String method() {
        return request.method();
    }

    public boolean plural() {
        return route.plural();
    }

    /** The user id without its policy prefix ({@code alice} for {@code account:alice}), null when anonymous. */
    public String selectedUserId() {
        String userId = identity().userId();
        return userId == null ? null : userId.substring(userId.indexOf(':') + 1);
    }

    /** The storage parent id of the addressed objects, computed once by the resource type. */
    public String parentId() {
        if (parentId == null) {
            parentId = route.type().parentId(this);
        }
        return parentId;
    }

    /** The object addressed by a write (or a POST with an id), null if it does not exist. */
    public JsonObject currentObject() {
        return currentObject;
    }

    void currentObject(JsonObject object) {
        this.currentObject = object;
    }

    /** On a plural endpoint the caller cannot read as a whole: the ids of the objects shared with it, else null. */
    public List<String> sharedIds() {
        return sharedIds;
    }

    void sharedIds(List<String> ids) {
        this.sharedIds = ids;
    }

    /** What a read request read ahead ({@link ReadAheadPlanner}), null for writes and once this request wrote. */
    public Prefetched prefetched() {
        return prefetched;
    }

    void prefetched(Prefetched answers) {
        this.prefetched = answers;
    }

    /** The live object, from the read-ahead if it covers it, else from the storage; null when absent. */
    public JsonObject find(Storage storage, ObjectKey key) {
        if (prefetched != null && prefetched.covers(key)) {
            return prefetched.object(key);
        }
        try {
            return storage.get(key.resourceName(), key.parentId(), key.id());
        } catch (ObjectNotFoundException e) {
            return null;
        }
    }

    /** A value computed once per request by a resource type (e.g. the parent collection of records). */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String key, java.util.function.Supplier<T> compute) {
        return (T) attributes.computeIfAbsent(key, k -> compute.get());
    }
}

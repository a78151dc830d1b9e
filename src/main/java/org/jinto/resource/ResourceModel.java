package org.jinto.resource;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Settings;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.reads.ObjectKey;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Objects of one request's resource type and parent, in storage and in the permission backend together
 * (Kinto's {@code Model}): creating or updating an object replaces the ACEs given and makes the caller a writer.
 * <p>
 * A write changes the permissions first and the object last: the storage write takes the lock of the resource's
 * timestamp until the commit, so nothing else of the request should run after it. A create that loses a race
 * (another request created the id meanwhile) fails with {@link UnicityException} after its ACEs are written: a
 * request that does not handle it fails and rolls them back.
 */
final class ResourceModel {

    private final RequestContext context;
    private final Storage storage;
    private final PermissionBackend permission;
    private final boolean explicitPermissions;
    /** The resource's timestamp as last read or written (Kinto reads it once per request too). */
    private Long timestamp;
    /** The id and ACEs of the object this model last wrote, as written: its answer shows them. */
    private String writtenId;
    private Map<String, Set<String>> writtenAces;

    ResourceModel(RequestContext context, Storage storage, PermissionBackend permission, Settings settings) {
        this.context = context;
        this.storage = storage;
        this.permission = permission;
        this.explicitPermissions = settings.getBoolean("kinto.explicit_permissions", true);
    }

    String resourceName() {
        return context.route().type().name();
    }

    long timestamp() {
        if (timestamp == null && context.prefetched() != null) {
            timestamp = context.prefetched().timestamp(resourceName(), context.parentId());
        }
        if (timestamp == null) {
            timestamp = storage.resourceTimestamp(resourceName(), context.parentId());
        }
        return timestamp;
    }

    /** The stored object, or null. */
    JsonObject find(String id) {
        return context.find(storage, new ObjectKey(resourceName(), context.parentId(), id));
    }

    String uri(String id) {
        return context.route().objectUri(id);
    }

    /** A write makes what was read stale: the read-ahead is forgotten, the timestamp read again or written. */
    private void forgetReads() {
        timestamp = null;
        context.prefetched(null);
    }

    /**
     * Stores a new object (carrying its id) and its permissions.
     * @throws UnicityException when a live object has that id
     */
    JsonObject create(JsonObject object, Map<String, List<String>> permissions) {
        forgetReads();
        savePermissions(object.getString("id"), permissions);
        return written(object, storage.create(resourceName(), context.parentId(), object));
    }

    /** Replaces an object and the permissions given (others are kept). */
    JsonObject update(JsonObject object, Map<String, List<String>> permissions) {
        String id = object.getString("id");
        forgetReads();
        savePermissions(id, permissions);
        return written(object, storage.update(resourceName(), context.parentId(), id, object));
    }

    /**
     * The stored object; the resource's timestamp is now the object's unless a timestamp was forced (which may
     * leave the resource's where it was).
     */
    private JsonObject written(JsonObject given, JsonObject stored) {
        timestamp = given.containsKey("last_modified") ? null : ObjectResponses.lastModified(stored);
        return stored;
    }

    JsonObject delete(String id, Long lastModified) {
        forgetReads();
        permission.deleteObjectPermissions(List.of(uri(id)));
        JsonObject tombstone = storage.delete(resourceName(), context.parentId(), id, lastModified);
        timestamp = lastModified == null ? ObjectResponses.lastModified(tombstone) : null;
        return tombstone;
    }

    /** Deletes the objects the query selects (tombstones stay), returning them. */
    List<JsonObject> deleteAll(Query query) {
        forgetReads();
        return storage.deleteAll(resourceName(), context.parentId(), query);
    }

    private void savePermissions(String id, Map<String, List<String>> permissions) {
        Map<String, Set<String>> aces = new LinkedHashMap<>();
        permissions.forEach((name, principals) -> aces.put(name, new HashSet<>(principals)));
        permission.replaceObjectPermissions(uri(id), aces);
        if (explicitPermissions) {
            permission.addPrincipalToAce(uri(id), "write", context.route().type().currentPrincipal(context));
        }
        writtenId = id;
        writtenAces = aces(id);
    }

    /** Every ACE of the object: permission name to principals. */
    Map<String, Set<String>> aces(String id) {
        Map<String, Set<String>> prefetched = context.prefetched() == null ? null : context.prefetched().aces(uri(id));
        return prefetched != null ? prefetched : permission.getObjectPermissions(uri(id), null);
    }

    /**
     * The object's ACEs as Kinto returns them ({@code {write: [...], read: [...]}}), or an empty object when the
     * caller is not one of its writers.
     */
    JsonObject permissionsOf(String id) {
        Map<String, Set<String>> aces = id.equals(writtenId) ? writtenAces : aces(id);
        Set<String> principals = new HashSet<>(context.identity().principals());
        principals.add(context.route().type().currentPrincipal(context));
        Set<String> writers = aces.getOrDefault("write", Set.of());
        JsonObjectBuilder result = JSON.createObjectBuilder();
        if (writers.stream().anyMatch(principals::contains)) {
            aces.forEach((name, holders) -> {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                new TreeSet<>(holders).forEach(list::add);
                result.add(name, list);
            });
        }
        return result.build();
    }
}

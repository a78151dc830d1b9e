package org.jinto.reads;

import jakarta.json.JsonObject;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The answers to one {@link ReadAhead}, and the backend questions they answer: each method returns null for a
 * question the read-ahead did not cover, which the caller then asks the backends.
 */
public final class Prefetched {

    private final ReadAhead request;
    private final Set<String> groups;
    private final Map<ObjectKey, JsonObject> objects = new HashMap<>();
    private final Long timestamp;
    private final Long liveObjects;
    private final Map<String, Map<String, Set<String>>> aces = new HashMap<>();

    /** Builds the answers, without the timestamp and count; objects and ACEs are added while reading. */
    public Prefetched(ReadAhead request, Set<String> groups) {
        this(request, groups, null, null);
    }

    /**
     * Builds the answers; objects and ACEs are added while reading.
     *
     * @param timestamp   the timestamp of the read-ahead's (resource, parent), null when not read or none yet
     * @param liveObjects how many live objects that (resource, parent) holds, null when not read
     */
    public Prefetched(ReadAhead request, Set<String> groups, Long timestamp, Long liveObjects) {
        this.request = request;
        this.groups = groups == null ? null : Set.copyOf(groups);
        this.timestamp = timestamp;
        this.liveObjects = liveObjects;
        request.aclObjects().forEach(objectId -> aces.put(objectId, new TreeMap<>()));
    }

    /** Records a live object read. */
    public void addObject(ObjectKey key, JsonObject object) {
        objects.put(key, object);
    }

    /** Records one ACE of an object of the read-ahead. */
    public void addAce(String objectId, String permission, String principal) {
        aces.get(objectId).computeIfAbsent(permission, p -> new HashSet<>()).add(principal);
    }

    /** The user's groups, or null when not read. */
    public Set<String> groups() {
        return groups;
    }

    public boolean covers(ObjectKey key) {
        return request.objects().contains(key);
    }

    /** The live object, null when absent; call only for keys it {@link #covers}. */
    public JsonObject object(ObjectKey key) {
        return objects.get(key);
    }

    /** The timestamp of (resource, parent) if read (a missing one is left to the storage, which creates it). */
    public Long timestamp(String resourceName, String parentId) {
        return resourceName.equals(request.timestampResource()) && parentId.equals(request.timestampParent())
                ? timestamp : null;
    }

    /** The number of live objects of (resource, parent) (an unfiltered count) if read, else null. */
    public Long liveObjects(String resourceName, String parentId) {
        return resourceName.equals(request.timestampResource()) && parentId.equals(request.timestampParent())
                ? liveObjects : null;
    }

    /** Every ACE of the object as {@code PermissionBackend.getObjectPermissions} answers it, or null. */
    public Map<String, Set<String>> aces(String objectId) {
        Map<String, Set<String>> read = aces.get(objectId);
        if (read == null) {
            return null;
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        read.forEach((permission, principals) -> copy.put(permission, new HashSet<>(principals)));
        return copy;
    }

    /** {@code PermissionBackend.checkPermission}, or null unless every bound object's ACEs were read. */
    public Boolean checkPermission(Collection<String> principals, Collection<Map.Entry<String, String>> bound) {
        if (!bound.stream().allMatch(entry -> aces.containsKey(entry.getKey()))) {
            return null;
        }
        return bound.stream().anyMatch(entry -> aces.get(entry.getKey()).getOrDefault(entry.getValue(), Set.of())
                .stream().anyMatch(principals::contains));
    }
}

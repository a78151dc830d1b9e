package org.jinto.api.storage;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The storage backend contract, modelled on Kinto's {@code StorageBase}. Objects are JSON objects with a string
 * {@code id} and a numeric {@code last_modified} (epoch milliseconds) kept per (resource name, parent id).
 * <p>
 * Timestamps follow Kinto: every write bumps the (resource, parent) timestamp so that it strictly increases;
 * a {@code last_modified} given in the object is kept when it is in the future of the current timestamp,
 * bumped by one when equal, and kept as-is (without moving the resource timestamp) when in the past.
 * <p>
 * {@code parentId} may end with {@code *} in {@link #listAll}, {@link #deleteAll} and {@link #countAll} to
 * match every parent with that prefix ({@code /buckets/b1*}); {@code resourceName} may then be null for "any".
 */
public interface Storage {

    /** Inserts {@code object} (which carries its {@code id}); replaces a tombstone of the same id.
     *  @throws UnicityException if a live object with that id exists */
    JsonObject create(String resourceName, String parentId, JsonObject object);

    /** @throws ObjectNotFoundException if absent or deleted */
    JsonObject get(String resourceName, String parentId, String id);

    /** Creates or replaces (upsert) the object with that id; returns it with its new {@code last_modified}. */
    JsonObject update(String resourceName, String parentId, String id, JsonObject object);

    /**
     * Deletes and leaves a tombstone; returns it ({@code {id, last_modified, deleted: true}}).
     * @param lastModified forced timestamp for the tombstone, or null
     * @throws ObjectNotFoundException if absent or already deleted
     */
    JsonObject delete(String resourceName, String parentId, String id, Long lastModified);

    /** Deletes the objects that the query selects (tombstones left); returns the tombstones. */
    List<JsonObject> deleteAll(String resourceName, String parentId, Query query);

    List<JsonObject> listAll(String resourceName, String parentId, Query query);

    /** Number of live objects matching the filters. */
    long countAll(String resourceName, String parentId, List<Filter> filters);

    /**
     * Live objects and tombstones of every resource name that has any, over all parents (a full count: callers
     * keep it off the request path, as the storage metrics do).
     */
    Map<String, ObjectCounts> countPerResource();

    /** The current timestamp of (resource, parent); when none exists yet, one is created from the clock and kept. */
    long resourceTimestamp(String resourceName, String parentId);

    /**
     * The timestamp of every parent holding objects of this resource name (Kinto's {@code all_resources_timestamps}),
     * read from the timestamps kept per (resource, parent) without scanning objects: parent id to timestamp.
     */
    Map<String, Long> allResourcesTimestamps(String resourceName);

    /**
     * Removes tombstones older than {@code before} (all if null), keeping at most {@code maxRetained} if given.
     * Purging every resource of a parent ({@code resourceName} and {@code before} null) also forgets its timestamps,
     * as Kinto (≥ 20.3) does when a bucket or collection is deleted: recreated, it answers newer timestamps.
     */
    int purgeDeleted(String resourceName, String parentId, Long before, Integer maxRetained);

    /** Removes everything. */
    void flush();

    /** Throws {@link BackendException} when the backend is unusable. */
    void ping();
}

package org.jinto.api.events;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code payload} of a Kinto resource event.
 *
 * @param timestamp    the collection timestamp after the change (or at the read)
 * @param action       what happened
 * @param uri          the request path without the {@code /v1} prefix, e.g. {@code /buckets/b1/collections/c1/records}
 * @param userId       the prefixed user id of the requester, e.g. {@code account:alice}, or {@code null} if anonymous
 * @param resourceName {@code bucket}, {@code collection}, {@code group}, {@code record}, {@code account}...
 * @param ids          the ids named by the URI in Kinto's keys ({@code bucket_id}, {@code collection_id},
 *                     {@code group_id}, {@code record_id}...), in URI order
 */
public record EventPayload(long timestamp, Action action, String uri, String userId, String resourceName,
                           Map<String, String> ids) {

    public EventPayload {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(resourceName, "resourceName");
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    /**
     * The payload of a change to the object at {@code objectUri} (e.g. {@code /buckets/b/collections/c/records/r}):
     * its resource name and ids are read from the URI, as Kinto reads them from the route's match.
     */
    public static EventPayload ofObject(long timestamp, Action action, String objectUri, String userId) {
        String[] segments = objectUri.substring(1).split("/");
        if (segments.length % 2 != 0) {
            throw new IllegalArgumentException("Not an object URI: " + objectUri);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String resourceName = null;
        for (int i = 0; i < segments.length; i += 2) {
            // "buckets" -> "bucket": the plural of every Kinto resource takes an "s".
            resourceName = segments[i].substring(0, segments[i].length() - 1);
            ids.put(resourceName + "_id", segments[i + 1]);
        }
        return new EventPayload(timestamp, action, objectUri, userId, resourceName, ids);
    }

    /** The id stored under a Kinto key such as {@code collection_id}. */
    public Optional<String> id(String key) {
        return Optional.ofNullable(ids.get(key));
    }

    public Optional<String> bucketId() {
        return id("bucket_id");
    }

    public Optional<String> collectionId() {
        return id("collection_id");
    }

    public Optional<String> groupId() {
        return id("group_id");
    }

    public Optional<String> recordId() {
        return id("record_id");
    }

    /** The payload as Kinto serializes it: {@code {timestamp, action, uri, user_id, resource_name, <ids>}}. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("timestamp", timestamp)
                .add("action", action.value())
                .add("uri", uri);
        if (userId == null) {
            json.addNull("user_id");
        } else {
            json.add("user_id", userId);
        }
        json.add("resource_name", resourceName);
        ids.forEach(json::add);
        return json.build();
    }
}

package org.jinto.plugins.history;

import jakarta.json.JsonObject;
import org.jinto.api.events.EventPayload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One object of a change event that gets a history entry: its URI, its new version, and the URIs of the bucket
 * (whose history holds the entry) and of the collection it belongs to, if any.
 */
record HistoryTarget(String uri, JsonObject object, String bucketId, Optional<String> collectionUri) {

    String bucketUri() {
        return "/buckets/" + bucketId;
    }

    String objectId() {
        return object.getString("id");
    }

    /** The target of {@code object} in an event, or empty when the settings exclude it. */
    static Optional<HistoryTarget> of(EventPayload payload, JsonObject object, List<String> excludedResources) {
        String objectId = object.getString("id");
        // A bucket event names its bucket in the object (DELETE /buckets, or buckets merged in a batch).
        String bucketId = payload.resourceName().equals("bucket") ? objectId : payload.bucketId().orElseThrow();
        String bucketUri = "/buckets/" + bucketId;
        Optional<String> collectionUri = payload.collectionId().map(c -> bucketUri + "/collections/" + c);
        String uri = objectUri(payload.uri(), payload.resourceName(), objectId);
        if (excludedResources.contains(bucketUri) || collectionUri.filter(excludedResources::contains).isPresent()
                || excludedResources.contains(uri)) {
            return Optional.empty();
        }
        return Optional.of(new HistoryTarget(uri, object, bucketId, collectionUri));
    }

    /**
     * The object's URI from the request's: a plural URI ({@code .../records} after a POST) gets the id appended,
     * an object URI gets its last segment replaced (events merged in a batch carry the first request's URI).
     */
    static String objectUri(String eventUri, String resourceName, String objectId) {
        List<String> parts = new ArrayList<>(Arrays.asList(eventUri.split("/", -1)));
        int last = parts.size() - 1;
        if (parts.get(last).contains(resourceName)) {
            parts.add(objectId);
        } else {
            parts.set(last, objectId);
        }
        return String.join("/", parts);
    }
}

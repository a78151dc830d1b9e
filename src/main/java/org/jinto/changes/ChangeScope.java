package org.jinto.changes;

import org.jinto.api.events.EventPayload;

import java.util.Objects;
import java.util.Optional;

/**
 * What a subscription follows: one collection (its records and itself), one bucket (everything in it), or
 * everything ({@code bucketId} and {@code collectionId} null).
 */
public record ChangeScope(String bucketId, String collectionId) {

    public static final ChangeScope EVERYTHING = new ChangeScope(null, null);

    public ChangeScope {
        if (collectionId != null) {
            Objects.requireNonNull(bucketId, "bucketId");
        }
    }

    /** The object the whole scope is, e.g. {@code /buckets/b/collections/c}; empty for everything. */
    public Optional<String> objectUri() {
        if (bucketId == null) {
            return Optional.empty();
        }
        String bucket = "/buckets/" + bucketId;
        return Optional.of(collectionId == null ? bucket : bucket + "/collections/" + collectionId);
    }

    /**
     * The listing whose read decides whether the caller may subscribe (Kinto's 401, 403 or 404 otherwise): the
     * collection's records, the bucket's collections, the buckets.
     */
    String listingUri() {
        return objectUri().map(uri -> uri + (collectionId == null ? "/collections" : "/records")).orElse("/buckets");
    }

    /** Whether a change belongs to this scope. */
    boolean covers(EventPayload payload) {
        return (bucketId == null || payload.bucketId().filter(bucketId::equals).isPresent())
                && (collectionId == null || payload.collectionId().filter(collectionId::equals).isPresent());
    }

    /** Whether a change to the object at {@code uri} (the scope's object or one above it) may change who reads it. */
    boolean dependsOn(String uri) {
        return objectUri().filter(scope -> scope.equals(uri) || scope.startsWith(uri + "/")).isPresent();
    }
}

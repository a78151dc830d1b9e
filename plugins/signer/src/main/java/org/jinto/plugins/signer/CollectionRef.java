package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.regex.Pattern;

/**
 * A bucket, or a collection of a bucket, named in {@code signer.resources}: {@code /buckets/b},
 * {@code /buckets/b/collections/c} or {@code b/c}. The collection is null for a per-bucket resource.
 */
record CollectionRef(String bucket, String collection) {

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

    static CollectionRef parse(String uri) {
        String[] parts = uri.split("/", -1);
        CollectionRef ref;
        if (parts.length == 2) {
            ref = new CollectionRef(parts[0], parts[1]);
        } else if (parts.length == 3 && parts[0].isEmpty() && parts[1].equals("buckets")) {
            ref = new CollectionRef(parts[2], null);
        } else if (parts.length == 5 && parts[0].isEmpty() && parts[1].equals("buckets")
                && parts[3].equals("collections")) {
            ref = new CollectionRef(parts[2], parts[4]);
        } else {
            throw new IllegalArgumentException("should be a bucket or collection URI");
        }
        if (!ID.matcher(ref.bucket).matches() || (ref.collection != null && !ID.matcher(ref.collection).matches())) {
            throw new IllegalArgumentException("bucket or collection id is invalid");
        }
        return ref;
    }

    CollectionRef withCollection(String collectionId) {
        return new CollectionRef(bucket, collectionId);
    }

    String bucketUri() {
        return "/buckets/" + bucket;
    }

    String collectionUri() {
        return bucketUri() + "/collections/" + collection;
    }

    /** {@code {"bucket": ..., "collection": ...}} as the capability shows it (collection null per bucket). */
    JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("bucket", bucket);
        return (collection == null ? json.addNull("collection") : json.add("collection", collection)).build();
    }
}

package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.storage.Storage;
import org.jinto.reads.ObjectKey;
import org.jinto.resource.CacheHeaders;
import org.jinto.resource.IdGenerator;
import org.jinto.resource.RequestContext;
import org.jinto.resource.ResourceType;

import java.util.List;
import java.util.Map;

/**
 * Records ({@code /buckets/{bucket_id}/collections/{collection_id}/records/{id}}): any id of the default pattern,
 * UUIDs generated; the parent collection must exist, and its {@code cache_expires} sets anonymous cache headers.
 */
@ApplicationScoped
public class RecordType extends ResourceType {

    /** Request attribute holding the parent collection. */
    public static final String COLLECTION = "record.collection";

    @Inject
    Storage storage;
    @Inject
    Settings settings;
    @Inject
    ResourceSchemas schemas;

    @Override
    public String name() {
        return "record";
    }

    @Override
    protected String pluralPath() {
        return "/buckets/{bucket_id}/collections/{collection_id}/records";
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("bucket", List.of("write"), "collection", List.of("write"), "record", List.of("write")),
                "read", Map.of("bucket", List.of("write", "read"), "collection", List.of("write", "read"),
                        "record", List.of("write", "read")));
    }

    @Override
    public IdGenerator idGenerator() {
        return IdGenerator.RELAXED_UUID;
    }

    @Override
    public void checkAddressable(RequestContext context) {
        collection(context);
    }

    @Override
    public List<ObjectKey> addressableParents(RequestContext context) {
        ObjectKey collection = collectionKey(context);
        return collection == null ? List.of() : List.of(collection);
    }

    /** The parent collection of the addressed records; 404 (errno 111) if it does not exist. */
    public JsonObject collection(RequestContext context) {
        return context.attribute(COLLECTION, () -> {
            ObjectKey key = collectionKey(context);
            JsonObject collection = key == null ? null : context.find(storage, key);
            if (collection == null) {
                throw ResourceSchemas.missing(context.route().ids().get("collection_id"), "collection");
            }
            return collection;
        });
    }

    /** The storage key of the parent collection, null when its id is not a valid one. */
    private static ObjectKey collectionKey(RequestContext context) {
        String collectionId = context.route().ids().get("collection_id");
        if (!IdGenerator.DEFAULT_PATTERN.matcher(collectionId).matches()) {
            return null;
        }
        return new ObjectKey("collection", "/buckets/" + context.route().ids().get("bucket_id"), collectionId);
    }

    /** With schema validation on, records validate against their collection's and bucket's schemas. */
    @Override
    public JsonObject process(RequestContext context, JsonObject object, JsonObject old) {
        if (!schemas.validation().enabled()) {
            return object;
        }
        return schemas.validation().record(object, collection(context), schemas.bucket(context));
    }

    /**
     * Kinto's records view: the first of {@code kinto.<bid>.<cid>.record_cache_expires_seconds},
     * {@code kinto.<bid>.record_cache_expires_seconds}, {@code kinto.record_cache_expires_seconds} and the legacy
     * {@code <bid>_<cid>_} and {@code <bid>_} forms; the collection's {@code cache_expires} cannot lower it.
     */
    @Override
    public Long cacheExpires(RequestContext context) {
        String bucketId = context.route().ids().get("bucket_id");
        String collectionId = context.route().ids().get("collection_id");
        Long setting = null;
        for (String key : List.of(bucketId + "." + collectionId + ".record_cache_expires_seconds",
                bucketId + ".record_cache_expires_seconds",
                "record_cache_expires_seconds",
                bucketId + "_" + collectionId + "_record_cache_expires_seconds",
                bucketId + "_record_cache_expires_seconds")) {
            setting = CacheHeaders.seconds(settings, "kinto." + key);
            if (setting != null) {
                break;
            }
        }
        if (collection(context).get("cache_expires") instanceof JsonNumber seconds) {
            return Math.max(setting == null ? -1 : setting, seconds.longValue());
        }
        return setting;
    }
}

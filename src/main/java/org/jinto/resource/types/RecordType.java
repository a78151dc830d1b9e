package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;
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

    /** The parent collection of the addressed records; 404 (errno 111) if it does not exist. */
    public JsonObject collection(RequestContext context) {
        return context.attribute(COLLECTION, () -> {
            String bucketId = context.route().ids().get("bucket_id");
            String collectionId = context.route().ids().get("collection_id");
            try {
                if (!IdGenerator.DEFAULT_PATTERN.matcher(collectionId).matches()) {
                    throw new ObjectNotFoundException("collection", bucketId, collectionId);
                }
                return storage.get("collection", "/buckets/" + bucketId, collectionId);
            } catch (ObjectNotFoundException e) {
                throw ResourceSchemas.missing(collectionId, "collection");
            }
        });
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

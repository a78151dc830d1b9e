package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kinto-signer's updater for one signed resource, acting for the user who changed the source: copies records
 * between its collections, signs a destination and writes the source's status and tracking fields. Everything goes
 * through the storage and permission backends of the request, inside its transaction; every change of a collection
 * or record is reported as a resource event of the plugin's ({@link PluginWrites}).
 */
final class Publisher {

    static final List<String> TRACKING_FIELDS = List.of("last_edit_by", "last_edit_date", "last_review_request_by",
            "last_review_request_date", "last_review_by", "last_review_date", "last_signature_by",
            "last_signature_date");
    /** Source collection fields copied to the destination's metadata. */
    private static final List<String> PUBLISHED_FIELDS = List.of("flags", "attachment", "schema", "sort",
            "displayFields");
    private static final Set<String> IGNORED_IN_DIFF = Set.of("last_modified", "schema");
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final PluginWrites writes;
    private final Storage storage;
    private final PermissionBackend permission;
    private final ContentSigner signer;
    private final SignedResource resource;
    private final String userId;
    /** The {@code *_by} value: the user id, or null for an anonymous change (as Kinto's {@code None}). */
    private final JsonValue by;

    Publisher(PluginWrites writes, PermissionBackend permission, ContentSigner signer, SignedResource resource,
              String userId) {
        this.writes = writes;
        this.storage = writes.storage();
        this.permission = permission;
        this.signer = signer;
        this.resource = resource;
        this.userId = userId;
        this.by = userId == null ? JsonValue.NULL : JSON.createValue(userId);
    }

    /**
     * Copies the source's changes to {@code destination}, signs it, and moves the source to {@code next} (none if
     * null); returns the number of changes copied.
     */
    int signAndUpdate(CollectionRef destination, JsonObject sourceAttributes, Status next, Status previous) {
        createDestination(destination);
        int changes = copyRecords(resource.source(), destination);
        sign(destination, sourceAttributes);
        if (next != null) {
            updateSourceStatus(next, previous, false);
        }
        return changes;
    }

    /** Signs {@code destination} again without moving records; the source then gets {@code next} (none if null). */
    void refreshSignature(CollectionRef destination, Status next) {
        sign(destination, sourceCollection());
        if (next != null) {
            Map<String, JsonValue> attributes = new LinkedHashMap<>();
            attributes.put("status", JSON.createValue(next.value()));
            attributes.put("last_signature_by", by);
            attributes.put("last_signature_date", JSON.createValue(now()));
            updateSource(attributes);
        }
    }

    /**
     * Restores {@code target}'s records to the destination's (deletes extras, recreates deleted, restores changed);
     * with {@code markSigned}, the source goes back to {@code signed}. Returns the number of records restored.
     */
    int rollback(CollectionRef target, boolean markSigned) {
        List<JsonObject> published = records(resource.destination());
        Map<String, JsonObject> publishedById = byId(published);
        List<JsonObject> current = records(target);
        Map<String, JsonObject> currentById = byId(current);
        String parent = target.collectionUri();
        List<JsonObject> changes = diff(current, published);
        for (JsonObject change : changes) {
            String id = change.getString("id");
            JsonObject restored = publishedById.get(id);
            if (restored == null) {
                writes.delete("record", parent, currentById.get(id));
            } else {
                // Restored with a new timestamp, so that clients syncing the source see the change.
                writes.put("record", parent, id, JSON.createObjectBuilder(restored).remove("last_modified").build(),
                        currentById.get(id));
            }
        }
        if (markSigned) {
            Map<String, JsonValue> attributes = new LinkedHashMap<>();
            attributes.put("status", JSON.createValue(Status.SIGNED.value()));
            attributes.put("last_editor_comment", JSON.createValue(""));
            attributes.put("last_reviewer_comment", JSON.createValue(""));
            attributes.put("last_edit_by", by);
            attributes.put("last_edit_date", JSON.createValue(now()));
            updateSource(attributes);
        }
        return changes.size();
    }

    /** After its source was deleted: {@code target}'s records deleted (tombstones kept) and the emptiness signed. */
    void unpublish(CollectionRef target, JsonObject deletedSource) {
        for (JsonObject record : records(target)) {
            writes.delete("record", target.collectionUri(), record);
        }
        sign(target, deletedSource);
    }

    /** The source's status with the tracking fields that go with it, as kinto-signer's update_source_status. */
    void updateSourceStatus(Status status, Status previous, boolean resetEditorComment) {
        String date = now();
        Map<String, JsonValue> attributes = new LinkedHashMap<>();
        attributes.put("status", JSON.createValue(status.value()));
        switch (status) {
            case WORK_IN_PROGRESS -> {
                attributes.put("last_edit_by", by);
                attributes.put("last_edit_date", JSON.createValue(date));
            }
            case TO_REVIEW -> {
                attributes.put("last_review_request_by", by);
                attributes.put("last_review_request_date", JSON.createValue(date));
                if (resetEditorComment) {
                    attributes.put("last_editor_comment", JSON.createValue(""));
                }
            }
            case SIGNED -> {
                if (previous != Status.SIGNED) {
                    attributes.put("last_review_by", by);
                    attributes.put("last_review_date", JSON.createValue(date));
                }
                attributes.put("last_signature_by", by);
                attributes.put("last_signature_date", JSON.createValue(date));
            }
            default -> {
            }
        }
        updateSource(attributes);
    }

    /** A review requested without preview collection: only who asked and when. */
    void updateSourceReviewRequestBy() {
        updateSource(Map.of("last_review_request_by", by,
                "last_review_request_date", JSON.createValue(now())));
    }

    private void sign(CollectionRef destination, JsonObject sourceAttributes) {
        String parent = destination.collectionUri();
        long timestamp = storage.resourceTimestamp("record", parent);
        String canonical = CanonicalJson.ofCollection(records(destination), timestamp);
        List<JsonObject> signatures = signer.sign(canonical.getBytes(StandardCharsets.UTF_8));
        JsonObject current = storage.get("collection", destination.bucketUri(), destination.collection());
        JsonObjectBuilder updated = JSON.createObjectBuilder(current).remove("last_modified")
                .add("signatures", JSON.createArrayBuilder(signatures))
                .add("signature", signatures.get(0));
        for (String field : PUBLISHED_FIELDS) {
            if (sourceAttributes.containsKey(field)) {
                updated.add(field, sourceAttributes.get(field));
            }
        }
        writes.put("collection", destination.bucketUri(), destination.collection(), updated.build(), current);
    }

    /** Pushes the source's differences to the destination: creates, updates, tombstones. */
    private int copyRecords(CollectionRef source, CollectionRef destination) {
        Map<String, JsonObject> published = byId(records(destination));
        List<JsonObject> changes = diff(records(source), List.copyOf(published.values()));
        String parent = destination.collectionUri();
        for (JsonObject change : changes) {
            String id = change.getString("id");
            if (change.getBoolean("deleted", false)) {
                writes.delete("record", parent, published.get(id));
            } else {
                // The destination gets its own timestamp.
                writes.put("record", parent, id, JSON.createObjectBuilder(change).remove("last_modified").build(),
                        published.get(id));
            }
        }
        return changes.size();
    }

    /**
     * The destination bucket (writable by the signing user, by nobody if anonymous) and collection (readable by
     * everyone), if missing.
     */
    private void createDestination(CollectionRef destination) {
        ensureExists("bucket", "", destination.bucket(), destination.bucketUri(), "write", userId);
        ensureExists("collection", destination.bucketUri(), destination.collection(), destination.collectionUri(),
                "read", "system.Everyone");
    }

    private void ensureExists(String resourceName, String parent, String id, String uri, String perm, String who) {
        try {
            writes.create(resourceName, parent, JSON.createObjectBuilder().add("id", id).build());
            if (who != null) {
                permission.replaceObjectPermissions(uri, Map.of(perm, Set.of(who)));
            }
        } catch (UnicityException exists) {
            // Already there, with its own permissions.
        }
    }

    private JsonObject sourceCollection() {
        return storage.get("collection", resource.source().bucketUri(), resource.source().collection());
    }

    private void updateSource(Map<String, JsonValue> attributes) {
        JsonObject current = sourceCollection();
        JsonObjectBuilder updated = JSON.createObjectBuilder(current).remove("last_modified");
        attributes.forEach(updated::add);
        writes.put("collection", resource.source().bucketUri(), resource.source().collection(), updated.build(),
                current);
    }

    private static Map<String, JsonObject> byId(List<JsonObject> records) {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(r.getString("id"), r));
        return byId;
    }

    private List<JsonObject> records(CollectionRef collection) {
        return storage.listAll("record", collection.collectionUri(), Query.all());
    }

    /**
     * kinto-signer's records_diff: the records of {@code left} that differ from {@code right} (ignoring timestamps
     * and schema), the new ones, and tombstones for those only in {@code right}.
     */
    static List<JsonObject> diff(List<JsonObject> left, List<JsonObject> right) {
        Map<String, JsonObject> leftById = byId(left);
        List<JsonObject> results = new ArrayList<>();
        for (JsonObject r : right) {
            JsonObject leftRecord = leftById.remove(r.getString("id"));
            if (leftRecord == null) {
                results.add(JSON.createObjectBuilder(r).add("deleted", true).build());
            } else if (!withoutIgnored(leftRecord).equals(withoutIgnored(r))) {
                results.add(leftRecord);
            }
        }
        results.addAll(leftById.values());
        return results;
    }

    private static JsonObject withoutIgnored(JsonObject record) {
        JsonObjectBuilder copy = JSON.createObjectBuilder(record);
        IGNORED_IN_DIFF.forEach(copy::remove);
        return copy.build();
    }

    /** Python's {@code datetime.now(timezone.utc).isoformat()}. */
    static String now() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String text = PYTHON_ISO.format(now);
        return now.getNano() / 1000 == 0 ? text.replace(".000000", "") : text;
    }
}

package org.jinto.plugins.attachment;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;

import java.util.List;
import java.util.UUID;

/**
 * kinto-attachment's {@code __attachments__} objects: which stored file belongs to which record, collection and
 * bucket, kept in the storage (so in the request's transaction) to find the files of whatever is deleted.
 */
final class FileLinks {

    static final String RESOURCE = "__attachments__";

    private final Storage storage;

    FileLinks(Storage storage) {
        this.storage = storage;
    }

    void add(String location, RecordRef record) {
        storage.create(RESOURCE, "", JSON.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("location", location)
                .add("bucket_uri", record.bucketUri())
                .add("collection_uri", record.collectionUri())
                .add("record_uri", record.uri())
                .build());
    }

    /**
     * Removes the links of the objects whose {@code field} ({@code record_uri}, {@code collection_uri},
     * {@code bucket_uri}) is {@code uri}, and returns their locations.
     */
    List<String> remove(String field, String uri) {
        Query query = new Query(List.of(new Filter(field, JSON.createValue(uri), Operator.EQ)), List.of(), List.of(),
                null, false);
        List<JsonObject> links = storage.listAll(RESOURCE, "", query);
        if (links.isEmpty()) {
            return List.of();
        }
        storage.deleteAll(RESOURCE, "", query);
        return links.stream().map(link -> link.getString("location")).toList();
    }

    /** The record URI a location belongs to, if any. */
    java.util.Optional<String> recordOf(String location) {
        Query query = new Query(List.of(new Filter("location", JSON.createValue(location), Operator.EQ)), List.of(),
                List.of(), 1, false);
        return storage.listAll(RESOURCE, "", query).stream().findFirst().map(link -> link.getString("record_uri"));
    }
}

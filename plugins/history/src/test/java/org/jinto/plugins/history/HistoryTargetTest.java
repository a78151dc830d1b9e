package org.jinto.plugins.history;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import org.jinto.api.events.Action;
import org.jinto.api.events.EventPayload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTargetTest {

    private static JsonObject object(String id) {
        return JSON.createObjectBuilder().add("id", id).add("last_modified", 1).build();
    }

    private static EventPayload records(String uri) {
        return new EventPayload(1, Action.CREATE, uri, "account:alice", "record",
                Map.of("bucket_id", "b1", "collection_id", "c1"));
    }

    @Test
    void pluralUriGetsTheIdAppendedAndObjectUriGetsItReplaced() {
        assertEquals("/buckets/b1/collections/c1/records/r9",
                HistoryTarget.objectUri("/buckets/b1/collections/c1/records", "record", "r9"));
        assertEquals("/buckets/b1/collections/c1/records/r2",
                HistoryTarget.objectUri("/buckets/b1/collections/c1/records/r1", "record", "r2"));
        assertEquals("/buckets/b2", HistoryTarget.objectUri("/buckets", "bucket", "b2"));
        assertEquals("/buckets/b2", HistoryTarget.objectUri("/buckets/b1", "bucket", "b2"));
    }

    @Test
    void targetKnowsItsBucketAndCollection() {
        HistoryTarget target = HistoryTarget.of(records("/buckets/b1/collections/c1/records"), object("r1"), List.of())
                .orElseThrow();
        assertEquals("/buckets/b1", target.bucketUri());
        assertEquals("/buckets/b1/collections/c1", target.collectionUri().orElseThrow());
        assertEquals("/buckets/b1/collections/c1/records/r1", target.uri());

        EventPayload buckets = new EventPayload(1, Action.CREATE, "/buckets/b1", null, "bucket", Map.of("bucket_id", "b1"));
        assertEquals("/buckets/b2", HistoryTarget.of(buckets, object("b2"), List.of()).orElseThrow().bucketUri());
    }

    @Test
    void excludedBucketCollectionOrObjectHasNoTarget() {
        EventPayload payload = records("/buckets/b1/collections/c1/records");
        assertTrue(HistoryTarget.of(payload, object("r1"), List.of("/buckets/b1")).isEmpty());
        assertTrue(HistoryTarget.of(payload, object("r1"), List.of("/buckets/b1/collections/c1")).isEmpty());
        assertTrue(HistoryTarget.of(payload, object("r1"), List.of("/buckets/b1/collections/c1/records/r1")).isEmpty());
        assertTrue(HistoryTarget.of(payload, object("r2"), List.of("/buckets/b1/collections/c1/records/r1")).isPresent());
    }
}

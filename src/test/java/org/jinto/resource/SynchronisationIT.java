package org.jinto.resource;

import org.jinto.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timestamps and tombstones for synchronisation: {@code _since}, {@code _before}, {@code _to}. */
class SynchronisationIT extends ApiTestSupport {

    private final String records;
    private final long t1;
    private final long t2;
    private final long deletedAt;

    SynchronisationIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        records = "/buckets/" + b + "/collections/" + c + "/records";
        t1 = lastModified(alice.send("PUT", records + "/r1", "{\"data\": {\"n\": 1}}"));
        t2 = lastModified(alice.send("PUT", records + "/r2", "{\"data\": {\"n\": 2}}"));
        alice.send("PUT", records + "/r3", "{\"data\": {\"n\": 3}}");
        deletedAt = lastModified(alice.send("DELETE", records + "/r2", null));
    }

    @Test
    void sinceListsChangesIncludingTombstones() {
        Http.Response since = alice.get(records + "?_since=" + t1);
        assertEquals(List.of("r2", "r3"), ids(since));
        assertTrue(since.object().getJsonArray("data").getJsonObject(0).getBoolean("deleted"));
        assertEquals(etag(deletedAt), since.header("ETag"));
        assertEquals(ids(since), ids(alice.get(records + "?_since=%22" + t1 + "%22")), "an ETag value works too");
        assertEquals(List.of("r3", "r1"), ids(alice.get(records)), "plain lists hide tombstones");
    }

    @Test
    void beforeListsOlderObjects() {
        assertEquals(List.of("r1"), ids(alice.get(records + "?_before=" + t2)));
        Http.Response to = alice.get(records + "?_to=" + t2);
        assertEquals(List.of("r1"), ids(to));
        assertTrue(to.header("Alert").contains("_to is now deprecated"));
        assertNull(alice.get(records + "?_before=" + t2).header("Alert"));
    }

    @Test
    void updatesMoveObjectsForward() {
        long updated = lastModified(alice.send("PATCH", records + "/r1", "{\"data\": {\"n\": 10}}"));
        assertTrue(updated > deletedAt);
        assertEquals(List.of("r1", "r2", "r3"), ids(alice.get(records + "?_since=" + t2)).stream().sorted().toList());
        assertEquals(etag(updated), alice.get(records).header("ETag"));
    }

    private static long listTimestamp(Http.Response list) {
        return Long.parseLong(list.header("ETag").replace("\"", ""));
    }

    /** The timestamp of a list first read after {@code created} was written (Kinto's clock has moved on). */
    private long firstTimestampAfter(long created, String list) throws InterruptedException {
        Thread.sleep(2);
        long timestamp = listTimestamp(alice.get(list));
        assertTrue(timestamp > created, list + " answers " + timestamp + ", older than " + created);
        return timestamp;
    }

    @Test
    void aDeletedCollectionTakesItsTimestampsWithIt() throws InterruptedException {
        String collection = records.substring(0, records.length() - "/records".length());
        assertEquals(200, alice.send("DELETE", collection, null).status());
        long recreated = lastModified(alice.send("PUT", collection, "{}"));
        long timestamp = firstTimestampAfter(recreated, records);
        assertEquals(List.of(), ids(alice.get(records + "?_since=" + deletedAt)));
        assertEquals(timestamp, listTimestamp(alice.get(records)), "then kept");
    }

    @Test
    void aDeletedBucketTakesItsTimestampsWithIt() throws InterruptedException {
        String bucket = unique("b");
        bucketAndCollection(alice, bucket, "c");
        String collections = "/buckets/" + bucket + "/collections";
        alice.send("PUT", collections + "/c/records/r", "{}");
        assertEquals(200, alice.send("DELETE", "/buckets/" + bucket, null).status());
        firstTimestampAfter(lastModified(alice.send("PUT", "/buckets/" + bucket, "{}")), collections);
        firstTimestampAfter(lastModified(alice.send("PUT", collections + "/c", "{}")), collections + "/c/records");
    }

    @Test
    void invalidTimestampsAreRejected() {
        assertInvalid(alice.get(records + "?_since=abc"), "querystring", "_since");
        assertInvalid(alice.get(records + "?_before=-3"), "querystring", "_before");
    }
}

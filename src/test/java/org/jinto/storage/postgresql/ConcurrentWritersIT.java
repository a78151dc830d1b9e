package org.jinto.storage.postgresql;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over HTTP on PostgreSQL: 16 clients POST 60 records each into one collection at once. Every request succeeds
 * (Kinto answers about a tenth of them 409 errno 122), every record is stored, and all timestamps differ.
 */
class ConcurrentWritersIT {

    private static final int WRITERS = 16;
    /** Contention, not volume: 16 writers at once already race for every timestamp; bench/ runs the load. */
    private static final int RECORDS_EACH = 60;

    @Test
    void sixteenWritersIntoOneCollectionGetNoErrorAndDistinctTimestamps() throws Exception {
        Map<String, String> settings = JintoServer.postgresql();
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.userid_hmac_secret", "concurrent-writers");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.storage_pool_size", "16");
        Http alice = new Http(JintoServer.url(settings)).as("alice", "secret");
        assertEquals(201, alice.send("PUT", "/buckets/b", "{}").status());
        assertEquals(201, alice.send("PUT", "/buckets/b/collections/c", "{}").status());
        String records = "/buckets/b/collections/c/records";

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            results.add(writers.submit(() -> {
                List<Long> timestamps = new ArrayList<>();
                for (int i = 0; i < RECORDS_EACH; i++) {
                    Http.Response created = alice.send("POST", records,
                            "{\"data\": {\"writer\": " + writer + ", \"n\": " + i + "}}");
                    assertEquals(201, created.status(), created.body());
                    timestamps.add(created.object().getJsonObject("data").getJsonNumber("last_modified").longValue());
                }
                return timestamps;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> result : results) {
            List<Long> timestamps = result.get(15, TimeUnit.MINUTES);
            for (int i = 1; i < timestamps.size(); i++) {
                assertTrue(timestamps.get(i) > timestamps.get(i - 1), "each writer's timestamps increase");
            }
            all.addAll(timestamps);
        }
        writers.shutdown();
        assertEquals(WRITERS * RECORDS_EACH, all.size(), "all timestamps distinct");
        Http.Response head = alice.send("HEAD", records, null);
        assertEquals(200, head.status());
        assertEquals(String.valueOf(WRITERS * RECORDS_EACH), head.header("Total-Records"));
        assertEquals("\"" + all.stream().mapToLong(Long::longValue).max().orElseThrow() + "\"", head.header("ETag"));
    }
}

package org.jinto.ops.metrics;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.jinto.ops.metrics.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The objects and tombstones gauges at /__metrics__, counted in the background from a real PostgreSQL storage. */
class StorageCountGaugesIT {

    private static final long DEADLINE_NANOS = 20_000_000_000L;

    @Test
    void gaugesShowTheExactCountsPerResourceAfterARefresh() throws Exception {
        Map<String, String> settings = JintoServer.postgresql();
        settings.put("kinto.includes", "kinto.plugins.prometheus kinto.plugins.accounts kinto.plugins.history");
        settings.put("multiauth.policies", "account");
        settings.put("kinto.account_create_principals", "system.Everyone");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put(StorageCountGauges.REFRESH_KEY, "1");
        Http server = new Http(JintoServer.url(settings));
        assertEquals(201, server.send("PUT", "/accounts/alice", "{\"data\": {\"password\": \"secret\"}}").status());
        Http alice = server.as("alice", "secret");
        assertEquals(201, alice.send("PUT", "/buckets/b1", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/b1/collections/c1", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/b1/groups/g1", "{\"data\": {\"members\": []}}").status());
        for (String id : new String[]{"r1", "r2", "r3"}) {
            assertEquals(201, alice.send("PUT", "/buckets/b1/collections/c1/records/" + id, "{\"data\": {}}").status());
        }
        assertEquals(200, alice.send("DELETE", "/buckets/b1/collections/c1/records/r2", null).status());
        assertEquals(200, alice.send("DELETE", "/buckets/b1/groups/g1", null).status());
        int historyEntries = alice.get("/buckets/b1/history").object().getJsonArray("data").size();

        Map<String, Double> expected = new TreeMap<>(Map.of(
                "kinto_objects{resource=\"account\"}", 1.0,
                "kinto_objects{resource=\"bucket\"}", 1.0,
                "kinto_objects{resource=\"collection\"}", 1.0,
                "kinto_objects{resource=\"group\"}", 0.0,
                "kinto_tombstones{resource=\"group\"}", 1.0,
                "kinto_objects{resource=\"record\"}", 2.0,
                "kinto_tombstones{resource=\"record\"}", 1.0,
                "kinto_objects{resource=\"history\"}", (double) historyEntries,
                "kinto_tombstones{resource=\"history\"}", 0.0));
        Map<String, Double> seen = awaitSeries(server, expected);
        assertEquals(expected, seen);
        assertEquals(8, historyEntries, "every change in b1 has its history entry");
    }

    /** The series' values (NaN when absent) once the gauges show the expected ones, or as they are at the deadline. */
    private static Map<String, Double> awaitSeries(Http server, Map<String, Double> expected) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        Map<String, Double> seen = new TreeMap<>();
        do {
            String text = server.get("/__metrics__").body();
            expected.keySet().forEach(series ->
                    seen.put(series, text.contains("\n" + series + " ") ? value(text, series) : Double.NaN));
            if (seen.equals(expected)) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return seen;
    }
}

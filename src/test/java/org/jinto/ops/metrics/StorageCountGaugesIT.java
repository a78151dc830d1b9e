package org.jinto.ops.metrics;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.jinto.ops.metrics.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The objects and tombstones gauges at /__metrics__, counted in the background from a real PostgreSQL storage. */
class StorageCountGaugesIT {

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
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(expected, series(server, expected.keySet())));
        assertEquals(8, historyEntries, "every change in b1 has its history entry");
    }

    /** The series' current values, NaN when absent (the gauges are refreshed in the background). */
    private static Map<String, Double> series(Http server, Set<String> names) {
        String text = server.get("/__metrics__").body();
        Map<String, Double> seen = new TreeMap<>();
        names.forEach(series -> seen.put(series, text.contains("\n" + series + " ") ? value(text, series) : Double.NaN));
        return seen;
    }
}

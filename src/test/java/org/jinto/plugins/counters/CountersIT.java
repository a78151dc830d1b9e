package org.jinto.plugins.counters;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Kinto's {@code kinto.plugins.counters}: {@code GET /v1/__counters__} and its capability. */
class CountersIT {

    private static String server() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.counters");
        settings.put("multiauth.policies", "basicauth");
        return JintoServer.url(settings);
    }

    private static long count(JsonObject counters, String kind, String resource) {
        JsonObject counts = counters.getJsonObject(kind);
        return counts.containsKey(resource) ? counts.getJsonNumber(resource).longValue() : 0;
    }

    @Test
    void countsObjectsAndTombstonesPerResource() {
        Http anonymous = new Http(server());
        Http alice = anonymous.as("alice", "secret");
        JsonObject before = anonymous.get("/__counters__").object();
        String bucket = "/buckets/counted-" + System.nanoTime();
        assertEquals(201, alice.send("PUT", bucket, null).status());
        assertEquals(201, alice.send("PUT", bucket + "/collections/c", null).status());
        assertEquals(201, alice.send("PUT", bucket + "/collections/c/records/r1", "{\"data\": {}}").status());
        assertEquals(201, alice.send("PUT", bucket + "/collections/c/records/r2", "{\"data\": {}}").status());
        assertEquals(200, alice.send("DELETE", bucket + "/collections/c/records/r2", null).status());

        Http.Response response = anonymous.get("/__counters__");
        assertEquals(200, response.status(), "anyone may read it");
        JsonObject after = response.object();
        assertEquals(count(before, "objects", "bucket") + 1, count(after, "objects", "bucket"));
        assertEquals(count(before, "objects", "collection") + 1, count(after, "objects", "collection"));
        assertEquals(count(before, "objects", "record") + 1, count(after, "objects", "record"));
        assertEquals(count(before, "tombstones", "record") + 1, count(after, "tombstones", "record"));
        // Kinto's resource list has attachments, which Jinto never stores: zeros are left out.
        assertFalse(after.getJsonObject("objects").containsKey("attachments"), after.toString());
        assertFalse(after.getJsonObject("tombstones").containsKey("attachments"), after.toString());
    }

    @Test
    void capabilityAndEndpointOnlyWhenIncluded() {
        JsonObject capability = new Http(server()).get("/").object().getJsonObject("capabilities")
                .getJsonObject("counters_endpoint");
        assertEquals("The __counters__ endpoint exposes how many objects are stored.",
                capability.getString("description"));
        assertEquals("https://kinto.readthedocs.io/en/latest/api/1.x/counters.html", capability.getString("url"));

        Http plain = new Http(JintoServer.url());
        assertFalse(plain.get("/").object().getJsonObject("capabilities").containsKey("counters_endpoint"));
        Http.Response missing = plain.get("/__counters__");
        assertEquals(404, missing.status());
        assertEquals(111, missing.object().getInt("errno"));
    }
}

package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Optimistic concurrency control with {@code If-Match} / {@code If-None-Match}, and PATCH response behaviours. */
class ConcurrencyIT extends ApiTestSupport {

    private final String records;
    private final String r1;
    private final long version;

    ConcurrencyIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        records = "/buckets/" + b + "/collections/" + c + "/records";
        r1 = records + "/r1";
        version = lastModified(alice.send("PUT", r1, "{\"data\": {\"v\": 1}}"));
    }

    @Test
    void ifNoneMatchAnswersNotModified() {
        Http.Response same = alice.with("If-None-Match", etag(version)).get(r1);
        assertEquals(304, same.status());
        assertEquals(etag(version), same.header("ETag"));
        assertEquals("", same.body());
        assertEquals(200, alice.with("If-None-Match", "\"123\"").get(r1).status());
        String listEtag = alice.get(records).header("ETag");
        assertEquals(304, alice.with("If-None-Match", listEtag).get(records).status());
    }

    @Test
    void ifMatchRejectsStaleWrites() {
        long current = lastModified(alice.with("If-Match", etag(version)).send("PUT", r1, "{\"data\": {\"v\": 2}}"));
        for (String method : new String[]{"PUT", "PATCH", "DELETE"}) {
            Http.Response stale = alice.with("If-Match", etag(version)).send(method, r1,
                    "DELETE".equals(method) ? null : "{\"data\": {\"v\": 3}}");
            assertError(stale, 412, 114);
            JsonObject existing = stale.object().getJsonObject("details").getJsonObject("existing");
            assertEquals(2, existing.getInt("v"));
            assertEquals(etag(current), stale.header("ETag"));
        }
        assertEquals(2, alice.get(r1).object().getJsonObject("data").getInt("v"), "nothing was written");
        assertEquals(200, alice.with("If-Match", etag(current)).send("DELETE", r1, null).status());
    }

    @Test
    void ifNoneMatchStarOnlyCreates() {
        assertError(alice.with("If-None-Match", "*").send("PUT", r1, "{\"data\": {}}"), 412, 114);
        assertEquals(201, alice.with("If-None-Match", "*").send("PUT", records + "/r2", "{\"data\": {}}").status());
        Http.Response missing = alice.with("If-Match", "*").send("PUT", records + "/r3", "{\"data\": {}}");
        assertError(missing, 412, 114);
        assertFalse(missing.object().containsKey("details"));
        assertEquals(alice.get(records).header("ETag"), missing.header("ETag"));
        assertError(alice.with("If-Match", "\"1\"").send("POST", records, "{\"data\": {}}"), 412, 114);
    }

    @Test
    void integersBeyondLongMatchNoTimestamp() {
        String huge = "\"99999999999999999999999999\"";
        assertError(alice.with("If-Match", huge).send("PUT", r1, "{\"data\": {\"v\": 9}}"), 412, 114);
        assertError(alice.with("If-Match", huge).send("DELETE", r1, null), 412, 114);
        assertEquals(200, alice.with("If-None-Match", huge).get(r1).status());
        assertEquals(200, alice.with("If-None-Match", huge).get(records).status());
        assertEquals(1, alice.get(r1).object().getJsonObject("data").getInt("v"), "nothing was written");
    }

    @Test
    void malformedPreconditionsAreRejected() {
        assertInvalid(alice.with("If-Match", "not-quoted").get(r1), "header", "If-Match");
        assertInvalid(alice.with("If-None-Match", "12").get(records), "header", "If-None-Match");
    }

    @Test
    void patchResponseBehaviors() {
        alice.send("PUT", r1, "{\"data\": {\"a\": 1, \"b\": 2}}");
        Http.Response light = alice.with("Response-Behavior", "light").send("PATCH", r1, "{\"data\": {\"a\": 5, \"b\": 2}}");
        assertEquals(Set.of("a"), light.object().getJsonObject("data").keySet());
        assertNull(light.object().get("permissions"));
        Http.Response diff = alice.with("Response-Behavior", "diff").send("PATCH", r1, "{\"data\": {\"a\": 6, \"c\": 1}}");
        assertEquals(Set.of(), diff.object().getJsonObject("data").keySet(), "only values the server changed");
        Http.Response full = alice.send("PATCH", r1, "{\"data\": {\"d\": 1}}");
        assertEquals(Set.of("id", "last_modified", "a", "b", "c", "d"), full.object().getJsonObject("data").keySet());
        assertInvalid(alice.with("Response-Behavior", "loud").send("PATCH", r1, "{\"data\": {}}"),
                "header", "Response-Behavior");
    }
}

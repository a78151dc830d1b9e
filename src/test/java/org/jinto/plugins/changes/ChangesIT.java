package org.jinto.plugins.changes;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changes plugin over HTTP: the monitor/changes list, its query parameters and cache headers, the changeset. */
class ChangesIT {

    private static final String URL = server();
    private static final String MONITOR = "/buckets/monitor/collections/changes/records";

    private final Http anonymous = new Http(URL);
    private final Http alice = anonymous.as("alice", "secret");

    private static String server() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto_changes");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.http_host", "www.example.com");
        settings.put("kinto.changes.resources", "/buckets/watched /buckets/other/collections/one");
        settings.put("kinto.monitor.changes.record_cache_expires_seconds", "60");
        settings.put("kinto.monitor.changes.record_cache_minimum_expires_seconds", "10");
        settings.put("kinto.monitor.changes.record_cache_maximum_expires_seconds", "3600");
        settings.put("kinto.watched.record_cache_expires_seconds", "30");
        return JintoServer.url(settings);
    }

    /** Creates the collection with one record; returns the records timestamp (ETag of the list). */
    private long collectionWithRecord(String bucket, String collection) {
        alice.send("PUT", "/buckets/" + bucket, null);
        alice.send("PUT", "/buckets/" + bucket + "/collections/" + collection, null);
        alice.send("POST", "/buckets/" + bucket + "/collections/" + collection + "/records", "{\"data\": {}}");
        return etag(alice.get("/buckets/" + bucket + "/collections/" + collection + "/records"));
    }

    private static long etag(Http.Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }

    private static JsonArray data(Http.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.object().getJsonArray("data");
    }

    /** The entry id as kinto-changes computes it: str(UUID(md5(host + collection URI))). */
    private static String entryId(String bucket, String collection) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
                ("www.example.com/buckets/" + bucket + "/collections/" + collection).getBytes(StandardCharsets.UTF_8)));
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16))
                .toString();
    }

    private JsonObject entry(JsonArray entries, String bucket, String collection) {
        return entries.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("bucket").equals(bucket) && e.getString("collection").equals(collection))
                .findFirst().orElse(null);
    }

    @Test
    void monitorListsWatchedCollectionsNewestFirst() throws Exception {
        long c1 = collectionWithRecord("watched", "c1");
        long one = collectionWithRecord("other", "one");
        collectionWithRecord("other", "two");
        collectionWithRecord("unwatched", "x");
        long c2 = collectionWithRecord("watched", "c2");

        Http.Response response = anonymous.get(MONITOR);
        JsonArray entries = data(response);
        JsonObject first = entry(entries, "watched", "c1");
        assertEquals(entryId("watched", "c1"), first.getString("id"));
        assertEquals(c1, first.getJsonNumber("last_modified").longValue());
        assertEquals("www.example.com", first.getString("host"));
        assertEquals(one, entry(entries, "other", "one").getJsonNumber("last_modified").longValue());
        assertEquals(null, entry(entries, "other", "two"));
        assertEquals(null, entry(entries, "unwatched", "x"));
        List<Long> timestamps = entries.stream().map(e -> e.asJsonObject().getJsonNumber("last_modified").longValue())
                .toList();
        assertEquals(timestamps.stream().sorted((a, b) -> Long.compare(b, a)).toList(), timestamps);
        assertTrue(etag(response) >= c2);
        assertEquals("max-age=60", response.header("Cache-Control"));

        assertEquals(List.of("c2"), data(anonymous.get(MONITOR + "?_since=" + c1 + "&bucket=watched")).stream()
                .map(e -> e.asJsonObject().getString("collection")).toList());
        assertEquals(1, data(anonymous.get(MONITOR + "?_limit=1")).size());
        assertEquals(List.of("one"), data(anonymous.get(MONITOR + "?collection=one")).stream()
                .map(e -> e.asJsonObject().getString("collection")).toList());
        assertEquals(0, data(anonymous.with("If-None-Match", response.header("ETag")).get(MONITOR)).size());
    }

    @Test
    void monitorCacheHeadersStaleExpectedAndOldSince() {
        collectionWithRecord("watched", "cache");
        assertEquals("max-age=10", anonymous.get(MONITOR + "?_expected=0").header("Cache-Control"));
        assertEquals("max-age=10", anonymous.get(MONITOR + "?_expected=99991234").header("Cache-Control"));
        assertEquals("max-age=3600", anonymous.get(MONITOR + "?_expected=123").header("Cache-Control"));

        long now = System.currentTimeMillis();
        Http.Response stale = anonymous.get(MONITOR + "?_since=" + now + "&_expected=" + (now - 10));
        assertEquals(204, stale.status());
        assertEquals("max-age=86400", stale.header("Cache-Control"));

        Http.Response redirect = anonymous.get(MONITOR + "?_expected=50&_since=42");
        assertEquals(307, redirect.status());
        assertEquals("https://www.example.com/v1" + MONITOR + "?_expected=50", redirect.header("Location"));
        assertEquals(400, anonymous.get(MONITOR + "?_since=abc").status());
    }

    @Test
    void changesetGivesMetadataChangesAndTimestamp() {
        alice.send("PUT", "/buckets/cs", null);
        alice.send("PUT", "/buckets/cs/collections/c", "{\"data\": {\"title\": \"T\"}}");
        alice.send("PUT", "/buckets/cs/collections/c/records/a", "{\"data\": {\"v\": 1}}");
        long afterA = etag(alice.get("/buckets/cs/collections/c/records"));
        alice.send("PUT", "/buckets/cs/collections/c/records/b", "{\"data\": {\"v\": 2}}");
        alice.send("DELETE", "/buckets/cs/collections/c/records/a", null);
        long timestamp = etag(alice.get("/buckets/cs/collections/c/records"));

        String path = "/buckets/cs/collections/c/changeset";
        assertEquals(401, anonymous.get(path + "?_expected=1").status());
        Http.Response missing = alice.get(path);
        assertEquals(400, missing.status());
        assertEquals("_expected in querystring: Required", missing.object().getString("message"));
        assertEquals(404, alice.get("/buckets/cs/collections/nope/changeset?_expected=1").status());

        JsonObject full = alice.get(path + "?_expected=" + timestamp).object();
        assertEquals("T", full.getJsonObject("metadata").getString("title"));
        assertEquals("cs", full.getJsonObject("metadata").getString("bucket"));
        assertEquals(timestamp, full.getJsonNumber("timestamp").longValue());
        assertEquals(List.of("b"), full.getJsonArray("changes").stream()
                .map(r -> r.asJsonObject().getString("id")).toList());

        JsonArray since = alice.get(path + "?_expected=" + timestamp + "&_since=%22" + afterA + "%22").object()
                .getJsonArray("changes");
        assertEquals(List.of("a", "b"), since.stream().map(r -> r.asJsonObject().getString("id")).toList());
        assertTrue(since.getJsonObject(0).getBoolean("deleted"));
        assertEquals(400, alice.get(path + "?_expected=1&_since=yesterday").status());
    }

    @Test
    void monitorChangesetIsPublicAndRedirectsQuotedExpected() {
        long c = collectionWithRecord("watched", "set");
        JsonObject changeset = anonymous.get("/buckets/monitor/collections/changes/changeset?_expected=0").object();
        assertEquals("monitor", changeset.getJsonObject("metadata").getString("bucket"));
        assertFalse(changeset.getJsonArray("changes").isEmpty());
        assertTrue(changeset.getJsonNumber("timestamp").longValue() >= c);
        Http.Response quoted = anonymous.get("/buckets/monitor/collections/changes/changeset?_expected=%2212%22");
        assertEquals(307, quoted.status());
        assertTrue(quoted.header("Location").endsWith("/changeset?_expected=12"), quoted.header("Location"));
    }

    @Test
    void capabilityListsTheWatchedResources() {
        JsonObject changes = anonymous.get("/").object().getJsonObject("capabilities").getJsonObject("changes");
        assertEquals(List.of("/buckets/watched", "/buckets/other/collections/one"),
                changes.getJsonArray("collections").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
    }
}

package org.jinto.plugins.history;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history plugin over HTTP: entries for every change (batches included), filters, permissions, settings. */
class HistoryIT {

    private static String server(Map<String, String> extra) {
        Map<String, String> settings = JintoServer.members();
        settings.putAll(extra);
        return JintoServer.url(settings);
    }

    private static final String URL = server(Map.of());

    /** One server for the exclusion and per-user trimming settings: each test's resources and users escape the others'. */
    private static final Map<String, String> EXCLUSIONS = Map.of(
            "kinto.history.exclude_resources", "/buckets/quiet /buckets/h7/collections/muted",
            "kinto.history.exclude_user_ids", "basicauth:placeholder",
            "kinto.history.auto_trim_max_count", "10", "kinto.history.auto_trim_user_ids", "basicauth:placeholder");
    private final Http alice = new Http(URL).as("alice", "secret");
    private final Http bob = new Http(URL).as("bob", "secret");

    private static JsonArray entries(Http.Response response) {
        assertEquals(200, response.status(), response.toString());
        return response.object().getJsonArray("data");
    }

    private static List<String> summary(JsonArray entries) {
        return entries.stream().map(e -> e.asJsonObject())
                .map(e -> e.getString("action") + " " + e.getString("uri")).toList();
    }

    @Test
    void everyChangeHasAnEntryNewestFirst() {
        alice.send("PUT", "/buckets/h1", null);
        alice.send("PUT", "/buckets/h1/collections/c1", null);
        alice.send("PUT", "/buckets/h1/collections/c1/records/r1", "{\"data\": {\"v\": 1}}");
        alice.send("PATCH", "/buckets/h1/collections/c1/records/r1", "{\"data\": {\"v\": 2}}");
        alice.send("DELETE", "/buckets/h1/collections/c1/records/r1", null);
        alice.send("PUT", "/buckets/h1/groups/g1", "{\"data\": {\"members\": []}}");

        JsonArray history = entries(alice.get("/buckets/h1/history"));
        assertEquals(List.of("create /buckets/h1/groups/g1", "delete /buckets/h1/collections/c1/records/r1",
                "update /buckets/h1/collections/c1/records/r1", "create /buckets/h1/collections/c1/records/r1",
                "create /buckets/h1/collections/c1", "create /buckets/h1"), summary(history));
        JsonObject update = history.getJsonObject(2);
        assertEquals("record", update.getString("resource_name"));
        assertEquals("r1", update.getString("record_id"));
        assertEquals("c1", update.getString("collection_id"));
        assertFalse(update.containsKey("bucket_id"));
        assertTrue(update.getString("user_id").startsWith("basicauth:"));
        assertEquals(2, update.getJsonObject("target").getJsonObject("data").getInt("v"));
        assertEquals(List.of(update.getString("user_id")),
                update.getJsonObject("target").getJsonObject("permissions").getJsonArray("write").stream()
                        .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertEquals("h1", history.getJsonObject(5).getString("bucket_id"));

        assertEquals(List.of("delete /buckets/h1/collections/c1/records/r1"),
                summary(entries(alice.get("/buckets/h1/history?action=delete"))));
        assertEquals(3, entries(alice.get("/buckets/h1/history?resource_name=record")).size());
        assertEquals(2, entries(alice.get("/buckets/h1/history?_limit=2")).size());
    }

    @Test
    void changesInsideABatchHaveTheirEntries() {
        Http.Response batch = alice.send("POST", "/batch", """
                {"defaults": {"method": "PUT"},
                 "requests": [{"path": "/buckets/h2"}, {"path": "/buckets/h2/collections/c1"},
                              {"path": "/buckets/h2/collections/c1/records/r1", "body": {"data": {"a": 1}}},
                              {"path": "/buckets/h2/collections/c1/records", "method": "POST",
                               "body": {"data": {"id": "r2", "a": 2}}}]}""");
        assertEquals(200, batch.status(), batch.toString());
        // Written when the batch commits, one merged event per resource: the bucket, the collection, the records.
        assertEquals(List.of("create /buckets/h2/collections/c1/records/r2",
                        "create /buckets/h2/collections/c1/records/r1", "create /buckets/h2/collections/c1",
                        "create /buckets/h2"),
                summary(entries(alice.get("/buckets/h2/history"))));
        assertEquals(2, entries(alice.get("/buckets/h2/history?resource_name=record")).size());
    }

    @Test
    void entriesAreReadableByWhoMayReadTheObject() {
        alice.send("PUT", "/buckets/h3", null);
        alice.send("PUT", "/buckets/h3/collections/c1", null);
        String bobId = new Http(URL).as("bob", "secret").get("/").object().getJsonObject("user").getString("id");
        alice.send("PUT", "/buckets/h3/collections/c1/records/shared",
                "{\"data\": {}, \"permissions\": {\"read\": [\"" + bobId + "\"]}}");
        alice.send("PUT", "/buckets/h3/collections/c1/records/private", "{\"data\": {}}");

        assertEquals(List.of("create /buckets/h3/collections/c1/records/shared"), summary(entries(bob.get("/buckets/h3/history"))));
        assertEquals(4, entries(alice.get("/buckets/h3/history")).size());
        Http.Response stranger = new Http(URL).as("carol", "secret").get("/buckets/h3/history");
        assertEquals(403, stranger.status());
        assertEquals(121, stranger.object().getInt("errno"));
    }

    @Test
    void historyIsReadOnlyPerEntryAndPurgedByBucketWriters() {
        alice.send("PUT", "/buckets/h4", null);
        alice.send("PUT", "/buckets/h4/collections/c1", null);
        assertEquals(404, alice.send("DELETE", "/buckets/h4/history/x", null).status());
        assertEquals(405, alice.send("POST", "/buckets/h4/history", "{\"data\": {}}").status());
        assertEquals(403, bob.send("DELETE", "/buckets/h4/history", null).status());
        JsonArray purged = entries(alice.send("DELETE", "/buckets/h4/history", null));
        assertEquals(2, purged.size());
        assertTrue(purged.getJsonObject(0).getBoolean("deleted"));
        assertEquals(0, entries(alice.get("/buckets/h4/history")).size());
    }

    @Test
    void deletingTheBucketDeletesItsHistory() {
        alice.send("PUT", "/buckets/h5", null);
        alice.send("PUT", "/buckets/h5/collections/c1", null);
        alice.send("DELETE", "/buckets/h5", null);
        alice.send("PUT", "/buckets/h5", null);
        assertEquals(List.of("create /buckets/h5"), summary(entries(alice.get("/buckets/h5/history"))));
    }

    @Test
    void anonymousChangesAreRecordedWithANullUser() {
        String url = server(EXCLUSIONS);
        Http owner = new Http(url).as("alice", "secret");
        Http anonymous = new Http(url);
        owner.send("PUT", "/buckets/h9", null);
        owner.send("PUT", "/buckets/h9/collections/open", "{\"permissions\": {\"write\": [\"system.Everyone\"]}}");
        String records = "/buckets/h9/collections/open/records";
        assertEquals(201, anonymous.send("PUT", records + "/r1", "{\"data\": {\"v\": 1}}").status());
        assertEquals(200, anonymous.send("PATCH", records + "/r1", "{\"data\": {\"v\": 2}}").status());
        assertEquals(201, anonymous.send("POST", records, "{\"data\": {\"id\": \"r2\"}}").status());
        assertEquals(200, anonymous.send("DELETE", records + "/r1", null).status());

        JsonArray history = entries(owner.get("/buckets/h9/history?resource_name=record"));
        assertEquals(List.of("delete " + records + "/r1", "create " + records + "/r2", "update " + records + "/r1",
                "create " + records + "/r1"), summary(history));
        history.forEach(entry -> assertTrue(entry.asJsonObject().isNull("user_id"), entry.toString()));
    }

    @Test
    void filtersOnUnknownFieldsAreRefused() {
        alice.send("PUT", "/buckets/h10", null);
        Http.Response unknown = alice.get("/buckets/h10/history?movie=bourne");
        assertEquals(400, unknown.status(), unknown.toString());
        JsonObject error = unknown.object();
        assertEquals(107, error.getInt("errno"));
        assertEquals("Invalid parameters", error.getString("error"));
        assertEquals("Unknown filter field 'movie'", error.getString("message"));
        JsonObject detail = error.getJsonArray("details").getJsonObject(0);
        assertEquals(List.of("querystring", "movie", "Unknown filter field 'movie'"),
                List.of(detail.getString("location"), detail.getString("name"), detail.getString("description")));
        assertEquals(400, alice.get("/buckets/h10/history?gt_movie=1").status());
        assertEquals(1, entries(alice.get("/buckets/h10/history?target.data.id=h10&resource_name=bucket")).size());
    }

    private static Map<String, JsonObject> snapshot(Http client, String collection, long timestamp) {
        Http.Response answer = client.get("/buckets/snap/snapshot/collections/" + collection + "@" + timestamp);
        Map<String, JsonObject> byId = new java.util.LinkedHashMap<>();
        entries(answer).forEach(r -> byId.put(r.asJsonObject().getString("id"), r.asJsonObject()));
        return byId;
    }

    /** As Kinto's default bucket view forwards any path below it: kinto.js reads snapshots of the personal bucket. */
    @Test
    void snapshotsOfThePersonalBucketThroughItsAlias() {
        assertEquals(201, alice.send("PUT", "/buckets/default/collections/mine/records/r1", "{\"data\": {}}").status());
        Http.Response answer = alice.get("/buckets/default/snapshot/collections/mine@" + Long.MAX_VALUE);
        assertEquals(List.of("r1"), entries(answer).stream().map(r -> r.asJsonObject().getString("id")).toList());
        assertEquals(401, new Http(URL).get("/buckets/default/snapshot/collections/mine@1").status());
        // A new user's personal bucket and collection are created on the way, as for any path below the alias.
        assertEquals(0, entries(bob.get("/buckets/default/snapshot/collections/fresh@" + Long.MAX_VALUE)).size());
    }

    private static long lastModified(Http.Response written) {
        assertTrue(written.status() < 300, written.toString());
        return written.object().getJsonObject("data").getJsonNumber("last_modified").longValue();
    }

    @Test
    void snapshotsRebuildACollectionAtATimestamp() {
        alice.send("PUT", "/buckets/snap", null);
        alice.send("PUT", "/buckets/snap/collections/c", null);
        String records = "/buckets/snap/collections/c/records/";
        long seeded = lastModified(alice.send("PUT", records + "kept", "{\"data\": {\"v\": 1}}"));
        lastModified(alice.send("PUT", records + "updated", "{\"data\": {\"v\": 1}}"));
        lastModified(alice.send("PUT", records + "deleted", "{\"data\": {\"v\": 1}}"));
        long gone = lastModified(alice.send("PUT", records + "gone", "{\"data\": {}}"));
        long barrier = lastModified(alice.send("DELETE", records + "gone", null));
        assertTrue(barrier > gone);
        alice.send("PATCH", records + "updated", "{\"data\": {\"v\": 2}}");
        alice.send("PATCH", records + "updated", "{\"data\": {\"v\": 3}}");
        alice.send("DELETE", records + "deleted", null);
        alice.send("PUT", records + "fresh", "{\"data\": {}}");

        Map<String, JsonObject> atBarrier = snapshot(alice, "c", barrier);
        assertEquals(List.of("deleted", "updated", "kept"), List.copyOf(atBarrier.keySet()), "newest first");
        atBarrier.values().forEach(record -> assertEquals(1, record.getInt("v")));
        assertEquals(List.of("kept"), List.copyOf(snapshot(alice, "c", seeded).keySet()));
        Map<String, JsonObject> now = snapshot(alice, "c", Long.MAX_VALUE);
        assertEquals(entries(alice.get("/buckets/snap/collections/c/records")).stream().map(r -> r.asJsonObject()
                .getString("id")).toList(), List.copyOf(now.keySet()));
        assertEquals(3, now.get("updated").getInt("v"));
        assertEquals(0, snapshot(alice, "missing", barrier).size());
    }

    @Test
    void snapshotsAreReadByWhoMayReadTheCollection() {
        alice.send("PUT", "/buckets/snap2", null);
        alice.send("PUT", "/buckets/snap2/collections/c", null);
        String url = "/buckets/snap2/snapshot/collections/c@1234";
        Http.Response anonymous = new Http(URL).get(url);
        assertEquals(401, anonymous.status());
        assertEquals(104, anonymous.object().getInt("errno"));
        assertEquals(403, bob.get(url).status());
        String bobId = bob.get("/").object().getJsonObject("user").getString("id");
        alice.send("PATCH", "/buckets/snap2/collections/c", "{\"permissions\": {\"read\": [\"" + bobId + "\"]}}");
        assertEquals(200, bob.get(url).status());
        alice.send("PATCH", "/buckets/snap2", "{\"permissions\": {\"read\": [\"system.Everyone\"]}}");
        assertEquals(200, new Http(URL).get(url).status());
    }

    @Test
    void snapshotTimestampsAreNonNegativeIntegersAndOnlyGetIsAllowed() {
        alice.send("PUT", "/buckets/snap3", null);
        alice.send("PUT", "/buckets/snap3/collections/c", null);
        for (String timestamp : List.of("abc", "-42")) {
            Http.Response invalid = alice.get("/buckets/snap3/snapshot/collections/c@" + timestamp);
            assertEquals(400, invalid.status(), invalid.toString());
            assertEquals(107, invalid.object().getInt("errno"));
            assertEquals("Invalid timestamp '" + timestamp + "'", invalid.object().getString("message"));
            assertEquals("path", invalid.object().getJsonArray("details").getJsonObject(0).getString("location"));
        }
        for (String method : List.of("PUT", "PATCH", "POST", "DELETE")) {
            Http.Response refused = alice.send(method, "/buckets/snap3/snapshot/collections/c@1234", "{\"data\": {}}");
            assertEquals(405, refused.status(), method + " " + refused);
            assertEquals(115, refused.object().getInt("errno"));
        }
    }

    @Test
    void idFiltersCompareAsStrings() {
        alice.send("PUT", "/buckets/h6", null);
        alice.send("PUT", "/buckets/h6/collections/c1", null);
        alice.send("PUT", "/buckets/h6/collections/c1/records/123", "{\"data\": {}}");
        assertEquals(1, entries(alice.get("/buckets/h6/history?record_id=123")).size());
    }

    @Test
    void excludedResourcesAndUsersAreNotTracked() {
        String url = server(EXCLUSIONS);
        Http carol = new Http(url).as("carol", "secret");
        carol.send("PUT", "/buckets/quiet", null);
        carol.send("PUT", "/buckets/h7", null);
        carol.send("PUT", "/buckets/h7/collections/muted", null);
        carol.send("PUT", "/buckets/h7/collections/muted/records/r", "{\"data\": {}}");
        carol.send("PUT", "/buckets/h7/collections/loud", null);
        assertEquals(0, entries(carol.get("/buckets/quiet/history")).size());
        assertEquals(List.of("create /buckets/h7/collections/loud", "create /buckets/h7"),
                summary(entries(carol.get("/buckets/h7/history"))));
    }

    @Test
    void trimmingKeepsTheNewestEntriesPerResourceName() {
        String url = server(Map.of("kinto.history.auto_trim_max_count", "2"));
        Http dave = new Http(url).as("dave", "secret");
        dave.send("PUT", "/buckets/h8", null);
        dave.send("PUT", "/buckets/h8/collections/c1", null);
        for (int i = 1; i <= 4; i++) {
            dave.send("PUT", "/buckets/h8/collections/c1/records/r" + i, "{\"data\": {}}");
        }
        assertEquals(List.of("create /buckets/h8/collections/c1/records/r4", "create /buckets/h8/collections/c1/records/r3"),
                summary(entries(dave.get("/buckets/h8/history?resource_name=record"))));
        assertEquals(1, entries(dave.get("/buckets/h8/history?resource_name=collection")).size());
    }
}

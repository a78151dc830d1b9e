package org.jinto.events;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.PluginBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource events as a plugin sees them: a probe plugin (src/test/plugins/event-probe, dropped into the plugins
 * folder) records what it observes and refuses changes marked {@code "explode": true}.
 */
class ResourceEventsIT {

    private static Http alice;
    private static Http anonymous;
    private static Http aliceOnPostgres;
    private static Http anonymousOnPostgres;

    @BeforeAll
    static void startWithProbe() throws Exception {
        Path folder = Files.createTempDirectory("jinto-plugins");
        PluginBuild.build(PluginBuild.projectDirectory("src/test/plugins/event-probe"), folder.resolve("probe.jar"));
        anonymous = new Http(JintoServer.url(withProbe(JintoServer.defaults(), folder)));
        alice = anonymous.as("alice", "secret");
        // Rolling back needs transactions: the PostgreSQL backends have them.
        anonymousOnPostgres = new Http(JintoServer.url(withProbe(JintoServer.postgresql(), folder)));
        aliceOnPostgres = anonymousOnPostgres.as("alice", "secret");
    }

    private static Map<String, String> withProbe(Map<String, String> settings, Path folder) {
        settings.put("kinto.plugins_dir", folder.toString());
        settings.put("kinto.includes", "jinto.tests.probe");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.retry_after_seconds", "7");
        return settings;
    }

    /** The probe's records about one bucket, in order. */
    private static List<JsonObject> seen(String bucket) {
        return seen(anonymous, bucket);
    }

    private static List<JsonObject> seen(Http server, String bucket) {
        return server.get("/__probe__").object().getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> bucket.equals(e.getJsonObject("payload").getString("bucket_id", null)))
                .toList();
    }

    private static void collection(String bucket, String collection) {
        collection(alice, bucket, collection);
    }

    private static void collection(Http user, String bucket, String collection) {
        assertEquals(201, user.send("PUT", "/buckets/" + bucket, null).status());
        assertEquals(201, user.send("PUT", "/buckets/" + bucket + "/collections/" + collection, null).status());
    }

    private static List<String> recordEvents(Http server, String bucket) {
        return seen(server, bucket).stream()
                .filter(e -> e.getJsonObject("payload").getString("resource_name").equals("record"))
                .map(e -> e.getString("event")).toList();
    }

    @Test
    void aChangeFiresBothRoundsWithKintosPayload() {
        collection("single", "c");
        Http.Response created = alice.send("PUT", "/buckets/single/collections/c/records/r1", "{\"data\": {\"v\": 1}}");
        assertEquals(201, created.status());

        List<JsonObject> records = seen("single").stream()
                .filter(e -> e.getJsonObject("payload").getString("resource_name").equals("record")).toList();
        assertEquals(List.of("ResourceChanged", "AfterResourceChanged"), records.stream().map(e -> e.getString("event")).toList());
        JsonObject payload = records.get(0).getJsonObject("payload");
        assertEquals("create", payload.getString("action"));
        assertEquals("/buckets/single/collections/c/records/r1", payload.getString("uri"));
        assertTrue(payload.getString("user_id").startsWith("basicauth:"));
        assertEquals("c", payload.getString("collection_id"));
        assertEquals("r1", payload.getString("record_id"));
        assertEquals(created.object().getJsonObject("data").getJsonNumber("last_modified").longValue(),
                payload.getJsonNumber("timestamp").longValue());
        JsonObject impacted = records.get(0).getJsonArray("impacted").getJsonObject(0);
        assertEquals(created.object().getJsonObject("data"), impacted.getJsonObject("new"));
        assertTrue(!impacted.containsKey("old"));
        // After the commit the observer reads back exactly what the event reports.
        assertEquals(impacted.getJsonObject("new"), records.get(1).getJsonArray("stored").getJsonObject(0));
    }

    @Test
    void eventsOfABatchAreMergedPerResourceParentAndAction() {
        collection("merged", "c1");
        assertEquals(201, alice.send("PUT", "/buckets/merged/collections/c2", null).status());
        Http.Response batch = alice.send("POST", "/batch", """
                {"defaults": {"method": "PUT", "body": {"data": {"v": 1}}},
                 "requests": [{"path": "/buckets/merged/collections/c1/records/a"},
                              {"path": "/buckets/merged/collections/c1/records/b"},
                              {"path": "/buckets/merged/collections/c2/records/x"},
                              {"path": "/buckets/merged/collections/c1/records/a", "method": "PATCH",
                               "body": {"data": {"v": 2}}},
                              {"path": "/buckets/merged/collections/c1/records/c"}]}""");
        assertEquals(200, batch.status(), batch.toString());

        List<JsonObject> changed = seen("merged").stream()
                .filter(e -> e.getString("event").equals("ResourceChanged"))
                .filter(e -> e.getJsonObject("payload").getString("resource_name").equals("record")).toList();
        assertEquals(List.of("create c1 [a, b, c]", "create c2 [x]", "update c1 [a]"), changed.stream().map(e -> {
            JsonObject payload = e.getJsonObject("payload");
            JsonArray impacted = e.getJsonArray("impacted");
            return payload.getString("action") + " " + payload.getString("collection_id") + " "
                    + impacted.stream().map(i -> i.asJsonObject().getJsonObject("new").getString("id")).toList();
        }).toList());
        // The merged event keeps the payload of the first request.
        assertEquals("/buckets/merged/collections/c1/records/a", changed.get(0).getJsonObject("payload").getString("uri"));
        assertEquals(3, seen("merged").stream().filter(e -> e.getString("event").equals("AfterResourceChanged"))
                .filter(e -> e.getJsonObject("payload").getString("resource_name").equals("record")).count());
    }

    @Test
    void aThrowingObserverFailsTheRequestAndNothingIsAnnouncedAsCommitted() {
        collection("refused", "c");
        Http.Response refused = alice.send("PUT", "/buckets/refused/collections/c/records/r1",
                "{\"data\": {\"explode\": true}}");
        assertEquals(500, refused.status(), refused.toString());
        assertEquals(999, refused.object().getInt("errno"));

        assertEquals(List.of("ResourceChanged"), recordEvents(anonymous, "refused"));
    }

    @Test
    void anObserversBackendFailureAnswers503WithRetryAfter() {
        collection("unavailable", "c");
        Http.Response failed = alice.send("PUT", "/buckets/unavailable/collections/c/records/r1",
                "{\"data\": {\"unavailable\": true}}");
        assertEquals(503, failed.status(), failed.toString());
        assertEquals(201, failed.object().getInt("errno"));
        assertEquals("7", failed.header("Retry-After"));
    }

    @Test
    void aThrowingObserverRollsBackTheWholeBatch() {
        Http.Response batch = aliceOnPostgres.send("POST", "/batch", """
                {"defaults": {"method": "PUT"},
                 "requests": [{"path": "/buckets/doomed"}, {"path": "/buckets/doomed/collections/c"},
                              {"path": "/buckets/doomed/collections/c/records/fine", "body": {"data": {}}},
                              {"path": "/buckets/doomed/collections/c/records/bad", "body": {"data": {"explode": true}}}]}""");
        assertEquals(500, batch.status(), batch.toString());
        assertEquals(999, batch.object().getInt("errno"));
        // Nothing of the batch was kept: the bucket is created anew.
        assertEquals(201, aliceOnPostgres.send("PUT", "/buckets/doomed", null).status());
        assertEquals(List.of("ResourceChanged"), recordEvents(anonymousOnPostgres, "doomed"));
    }

    @Test
    void aFailingSubrequestRollsBackTheBatchButClientErrorsDoNot() {
        collection(aliceOnPostgres, "partial", "c");
        Http.Response failed = aliceOnPostgres.send("POST", "/batch", """
                {"requests": [{"method": "PUT", "path": "/buckets/partial/collections/c/records/lost", "body": {"data": {}}},
                              {"method": "POST", "path": "/__probe__/fail"}]}""");
        assertEquals(500, failed.status(), failed.toString());
        assertEquals(404, aliceOnPostgres.get("/buckets/partial/collections/c/records/lost").status());

        Http.Response kept = aliceOnPostgres.send("POST", "/batch", """
                {"requests": [{"method": "PUT", "path": "/buckets/partial/collections/c/records/kept", "body": {"data": {}}},
                              {"method": "GET", "path": "/buckets/partial/collections/c/records/missing"}]}""");
        assertEquals(200, kept.status(), kept.toString());
        assertEquals(404, kept.object().getJsonArray("responses").getJsonObject(1).getInt("status"));
        assertEquals(200, aliceOnPostgres.get("/buckets/partial/collections/c/records/kept").status());
    }

    @Test
    void afterCommitObserversSeeOnlyCommittedData() {
        collection(aliceOnPostgres, "committed", "c");
        Http.Response created = aliceOnPostgres.send("PUT", "/buckets/committed/collections/c/records/r1",
                "{\"data\": {\"v\": 1}}");
        assertEquals(201, created.status());
        aliceOnPostgres.send("PUT", "/buckets/committed/collections/c/records/r2", "{\"data\": {\"explode\": true}}");

        List<JsonObject> after = seen(anonymousOnPostgres, "committed").stream()
                .filter(e -> e.getString("event").equals("AfterResourceChanged"))
                .filter(e -> e.getJsonObject("payload").getString("resource_name").equals("record")).toList();
        // One announcement, for the committed record, which a separate transaction reads back as announced;
        // the refused record is never announced.
        assertEquals(1, after.size());
        assertEquals(created.object().getJsonObject("data"), after.get(0).getJsonArray("stored").getJsonObject(0));
        assertEquals(404, aliceOnPostgres.get("/buckets/committed/collections/c/records/r2").status());
    }
}

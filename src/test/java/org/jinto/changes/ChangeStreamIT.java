package org.jinto.changes;

import org.jinto.testing.EventStream;
import org.jinto.testing.EventStream.Event;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.PluginBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.jinto.testing.AuthHeaders.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change streams over real HTTP, read by the JDK's HTTP client as the events arrive: committed changes only,
 * resumption without loss or repetition, permission filtering and errors, heartbeats, slow subscribers dropped.
 * The probe plugin (src/test/plugins/event-probe) provides a subrequest that fails a batch.
 */
class ChangeStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static String base;
    private static Http alice;
    private static Http bob;
    private static String bobId;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createTempDirectory("jinto-plugins");
        PluginBuild.build(PluginBuild.projectDirectory("src/test/plugins/event-probe"), plugins.resolve("probe.jar"));
        Map<String, String> settings = JintoServer.defaults();
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.plugins_dir", plugins.toString());
        settings.put("kinto.includes", "jinto.tests.probe kinto.plugins.prometheus");
        settings.put("kinto.changes_stream_enabled", "true");
        settings.put("kinto.changes_stream_heartbeat_seconds", "1");
        settings.put("kinto.changes_stream_buffer_size", "20");
        base = JintoServer.url(settings);
        alice = new Http(base).as("alice", "secret");
        bob = new Http(base).as("bob", "secret");
        bobId = bob.get("/").object().getJsonObject("user").getString("id");
    }

    /** A new bucket of alice's with collection {@code c}; returns the collection's URI. */
    private static String collection() {
        String bucket = "/buckets/" + UUID.randomUUID();
        send(alice, "PUT", bucket, null, 201);
        send(alice, "PUT", bucket + "/collections/c", null, 201);
        return bucket + "/collections/c";
    }

    private static Http.Response send(Http http, String method, String path, String body, int status) {
        Http.Response response = http.send(method, path, body);
        assertEquals(status, response.status(), response.toString());
        return response;
    }

    private static EventStream subscribe(String path, String user, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = basic(user, "secret");
        System.arraycopy(headers, 0, all, 2, headers.length);
        EventStream stream = EventStream.open(base + path, all);
        assertEquals(200, stream.status());
        assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
        return stream;
    }

    private static List<String> described(EventStream stream) {
        return stream.events().stream()
                .map(event -> event.data().getString("action") + " " + event.data().getString("uri"))
                .toList();
    }

    private static void awaitEvents(EventStream stream, String... expected) {
        await().atMost(WAIT).until(() -> described(stream).size() >= expected.length);
        assertEquals(List.of(expected), described(stream));
    }

    @Test
    void aSubscriberReceivesEachCommittedChangeWithItsTimestampAsId() throws Exception {
        String c = collection();
        try (EventStream stream = subscribe(c + "/changes", "alice")) {
            long created = send(alice, "PUT", c + "/records/r", "{\"data\": {\"n\": 1}}", 201)
                    .object().getJsonObject("data").getJsonNumber("last_modified").longValue();
            send(alice, "PATCH", c + "/records/r", "{\"data\": {\"n\": 2}}", 200);
            send(alice, "DELETE", c + "/records/r", null, 200);
            awaitEvents(stream, "create " + c + "/records/r", "update " + c + "/records/r", "delete " + c + "/records/r");

            Event first = stream.events().get(0);
            assertEquals(created, first.id());
            assertEquals(created, first.data().getJsonNumber("timestamp").longValue());
            assertEquals("record", first.data().getString("resource_name"));
            assertEquals("c", first.data().getString("collection_id"));
            assertTrue(first.data().getString("user_id").startsWith("basicauth:"), first.toString());
            assertEquals(1, first.data().getJsonArray("impacted_objects").getJsonObject(0)
                    .getJsonObject("new").getInt("n"));
            Event update = stream.events().get(1);
            assertEquals(1, update.data().getJsonArray("impacted_objects").getJsonObject(0)
                    .getJsonObject("old").getInt("n"));
        }
    }

    @Test
    void aRolledBackBatchSendsNothing() throws Exception {
        String c = collection();
        try (EventStream stream = subscribe(c + "/changes", "alice")) {
            send(alice, "POST", "/batch", """
                    {"requests": [{"method": "PUT", "path": "%s/records/lost", "body": {"data": {}}},
                                  {"method": "POST", "path": "/__probe__/fail"}]}""".formatted(c), 500);
            send(alice, "PUT", c + "/records/kept", "{\"data\": {}}", 201);
            // Changes arrive in commit order: once "kept" is there, "lost" would have been too.
            awaitEvents(stream, "create " + c + "/records/kept");
        }
    }

    @Test
    void aResumedStreamSendsWhatWasMissedOnceThenGoesLive() throws Exception {
        String c = collection();
        send(alice, "PUT", c + "/records/gone", "{\"data\": {}}", 201);
        long lastSeen;
        try (EventStream stream = subscribe(c + "/changes", "alice")) {
            send(alice, "PUT", c + "/records/a", "{\"data\": {\"v\": 1}}", 201);
            awaitEvents(stream, "create " + c + "/records/a");
            lastSeen = stream.events().get(0).id();
        }
        send(alice, "PUT", c + "/records/b", "{\"data\": {}}", 201);
        send(alice, "PATCH", c + "/records/a", "{\"data\": {\"v\": 2}}", 200);
        send(alice, "DELETE", c + "/records/gone", null, 200);
        try (EventStream resumed = subscribe(c + "/changes", "alice", "Last-Event-ID", Long.toString(lastSeen))) {
            send(alice, "PUT", c + "/records/live", "{\"data\": {}}", 201);
            awaitEvents(resumed, "update " + c + "/records/b", "update " + c + "/records/a",
                    "delete " + c + "/records/gone", "create " + c + "/records/live");
            assertEquals(2, resumed.events().get(1).data().getJsonArray("impacted_objects").getJsonObject(0)
                    .getJsonObject("new").getInt("v"));
            List<Long> ids = resumed.events().stream().map(Event::id).toList();
            assertEquals(ids.stream().sorted().distinct().toList(), ids, "increasing, each once");
            assertTrue(ids.get(0) > lastSeen);
        }
        try (EventStream bySince = subscribe(c + "/changes?_since=" + lastSeen, "alice")) {
            await().atMost(WAIT).until(() -> bySince.events().size() >= 4);
            assertEquals(4, bySince.events().size(), described(bySince).toString());
        }
    }

    @Test
    void aReaderOfOneRecordReceivesOnlyThatRecordsChanges() throws Exception {
        String c = collection();
        send(alice, "PUT", c + "/records/shared", "{\"data\": {}, \"permissions\": {\"read\": [\"" + bobId + "\"]}}", 201);
        send(alice, "PUT", c + "/records/private", "{\"data\": {}}", 201);
        try (EventStream stream = subscribe(c + "/changes", "bob")) {
            send(alice, "PATCH", c + "/records/private", "{\"data\": {\"x\": 1}}", 200);
            send(alice, "PATCH", c + "/records/shared", "{\"data\": {\"x\": 1}}", 200);
            send(alice, "PATCH", c + "/records/private", "{\"data\": {\"x\": 2}}", 200);
            send(alice, "PUT", c + "/records/shared2", "{\"data\": {}, \"permissions\": {\"read\": [\"" + bobId + "\"]}}", 201);
            awaitEvents(stream, "update " + c + "/records/shared", "create " + c + "/records/shared2");
        }
    }

    @Test
    void aRevokedReadPermissionEndsTheStream() throws Exception {
        String c = collection();
        send(alice, "PATCH", c, "{\"permissions\": {\"read\": [\"" + bobId + "\"]}}", 200);
        try (EventStream stream = subscribe(c + "/changes", "bob")) {
            send(alice, "PUT", c + "/records/r", "{\"data\": {}}", 201);
            awaitEvents(stream, "create " + c + "/records/r");
            send(alice, "PUT", c, "{\"data\": {}, \"permissions\": {\"read\": []}}", 200);
            await().atMost(WAIT).until(stream::ended);
        }
    }

    @Test
    void streamsAreOffUnlessTurnedOnAsKintoHasNone() {
        Http standard = new Http(JintoServer.url(JintoServer.standard())).as("alice", "secret");
        assertTrue(!standard.get("/").object().getJsonObject("capabilities").containsKey("changes_stream"));
        Http.Response off = standard.with("Accept", "text/event-stream").get("/changes");
        assertEquals(404, off.status(), off.toString());
        assertEquals(111, off.object().getInt("errno"));
        assertTrue(new Http(base).get("/").object().getJsonObject("capabilities").containsKey("changes_stream"));
    }

    @Test
    void aStreamTheCallerMayNotReadAnswersKintosErrorInstead() {
        String c = collection();
        Http.Response forbidden = bob.with("Accept", "text/event-stream").get(c + "/changes");
        assertEquals(403, forbidden.status(), forbidden.toString());
        assertEquals(121, forbidden.object().getInt("errno"));
        assertTrue(forbidden.header("Content-Type").startsWith("application/json"), forbidden.toString());

        Http.Response anonymous = new Http(base).with("Accept", "text/event-stream").get(c + "/changes");
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals(104, anonymous.object().getInt("errno"));

        String bucket = c.substring(0, c.indexOf("/collections"));
        Http.Response unknown = alice.with("Accept", "text/event-stream").get(bucket + "/collections/nope/changes");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("collection", unknown.object().getJsonObject("details").getString("resource_name"));

        Http.Response badSince = alice.with("Accept", "text/event-stream").get(c + "/changes?_since=yesterday");
        assertEquals(400, badSince.status(), badSince.toString());
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        try (EventStream stream = subscribe(collection() + "/changes", "alice")) {
            await().atMost(WAIT).until(() -> stream.comments() >= 3);
            assertTrue(stream.events().isEmpty());
        }
    }

    @Test
    void aBucketStreamAndTheStreamOfEverythingReadableFollowTheirScopes() throws Exception {
        String c = collection();
        String bucket = c.substring(0, c.indexOf("/collections"));
        String bobsBucket = "/buckets/" + UUID.randomUUID();
        try (EventStream ofBucket = subscribe(bucket + "/changes", "alice");
             EventStream bobsEverything = subscribe("/changes", "bob")) {
            send(alice, "PUT", bucket + "/collections/other", null, 201);
            send(alice, "PUT", c + "/records/r", "{\"data\": {}}", 201);
            send(bob, "PUT", bobsBucket, null, 201);
            send(bob, "PUT", bobsBucket + "/groups/g", "{\"data\": {\"members\": []}}", 201);
            awaitEvents(ofBucket, "create " + bucket + "/collections/other", "create " + c + "/records/r");
            awaitEvents(bobsEverything, "create " + bobsBucket, "create " + bobsBucket + "/groups/g");
        }
    }

    @Test
    void aSubscriberThatDoesNotReadIsDroppedWithItsBuffer() throws Exception {
        String c = collection();
        URI url = URI.create(base + c + "/changes");
        try (Socket silent = new Socket(url.getHost(), url.getPort())) {
            silent.setReceiveBufferSize(4096);
            OutputStream out = silent.getOutputStream();
            out.write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getAuthority()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: " + basic("alice", "secret") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(WAIT).until(() -> metric("kinto_changes_stream_subscribers") >= 1);
            double droppedBefore = metric("kinto_changes_stream_slow_subscribers_dropped_total");
            String big = "{\"data\": {\"text\": \"" + "x".repeat(200_000) + "\"}}";
            for (int i = 0; i < 200 && metric("kinto_changes_stream_slow_subscribers_dropped_total") == droppedBefore; i++) {
                send(alice, "PUT", c + "/records/r" + i, big, 201);
            }
            await().atMost(WAIT).until(() -> metric("kinto_changes_stream_slow_subscribers_dropped_total") > droppedBefore);
        }
    }

    private static double metric(String name) {
        String text = new Http(base).get("/__metrics__").body();
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(text);
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }
}

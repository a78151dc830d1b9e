package org.jinto.listeners;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.PluginBuild;
import org.jinto.testing.StartupFailure;
import org.jinto.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kinto.event_listeners} with kinto-redis's listener, over real HTTP and a real Redis: the list holds the
 * committed changes that pass the filters, and a Redis that does not answer neither fails nor slows a write.
 * The probe plugin (src/test/plugins/event-probe) provides a subrequest that fails a batch.
 */
class RedisListenerIT {

    private static final String LIST = "jinto-it-listener:" + UUID.randomUUID();
    private static Http alice;
    private static Jedis redis;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createTempDirectory("jinto-plugins");
        PluginBuild.build(PluginBuild.projectDirectory("src/test/plugins/event-probe"), plugins.resolve("probe.jar"));
        Map<String, String> settings = withAlice(JintoServer.defaults());
        settings.put("kinto.plugins_dir", plugins.toString());
        settings.put("kinto.includes", "jinto.tests.probe");
        settings.putAll(listener(TestRedis.url(0)));
        settings.put("kinto.event_listeners.queue.listname", LIST);
        settings.put("kinto.event_listeners.queue.actions", "create delete");
        settings.put("kinto.event_listeners.queue.resources", "bucket record");
        alice = new Http(JintoServer.url(settings)).as("alice", "secret");
        redis = new Jedis(URI.create(TestRedis.url(0)));
    }

    @AfterAll
    static void stop() {
        redis.del(LIST);
        redis.close();
    }

    private static Map<String, String> withAlice(Map<String, String> settings) {
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        return settings;
    }

    private static Map<String, String> listener(String url) {
        return Map.of("kinto.event_listeners", "queue",
                "kinto.event_listeners.queue.use", "kinto_redis.listeners",
                "kinto.event_listeners.queue.url", url);
    }

    private static void put(Http http, String path, int status) {
        Http.Response response = http.send("PUT", path, "{\"data\": {}}");
        assertEquals(status, response.status(), response.toString());
    }

    /** The events about one bucket in the list, oldest first, once {@code expected} of them arrived. */
    private static List<JsonObject> events(String bucket, int expected) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> events(bucket), events -> events.size() >= expected);
    }

    private static List<JsonObject> events(String bucket) {
        // LPUSH: the newest first.
        List<JsonObject> events = new ArrayList<>(redis.lrange(LIST, 0, -1).stream()
                .map(json -> Json.createReader(new StringReader(json)).readObject())
                .filter(event -> bucket.equals(event.getString("bucket_id", null)))
                .toList());
        Collections.reverse(events);
        return events;
    }

    private static String describe(JsonObject event) {
        return event.getString("action") + " " + event.getString("resource_name") + " " + event.getString("uri");
    }

    @Test
    void committedChangesPassingTheFiltersArePushedAsKintoPayloads() throws Exception {
        put(alice, "/buckets/pushed", 201);
        put(alice, "/buckets/pushed/collections/c", 201);                // resource not listened to
        put(alice, "/buckets/pushed/collections/c/records/r", 201);
        put(alice, "/buckets/pushed/collections/c/records/r", 200);      // update: action not listened to
        assertEquals(200, alice.get("/buckets/pushed/collections/c/records/r").status()); // read: idem
        assertEquals(200, alice.send("DELETE", "/buckets/pushed/collections/c/records/r", null).status());
        put(alice, "/buckets/pushed/collections/c/records/last", 201);

        List<JsonObject> events = events("pushed", 4);
        assertEquals(List.of("create bucket /buckets/pushed",
                        "create record /buckets/pushed/collections/c/records/r",
                        "delete record /buckets/pushed/collections/c/records/r",
                        "create record /buckets/pushed/collections/c/records/last"),
                events.stream().map(RedisListenerIT::describe).toList());
        JsonObject created = events.get(1);
        assertTrue(created.getString("user_id").startsWith("basicauth:"), created.toString());
        assertEquals("c", created.getString("collection_id"));
        assertEquals("r", created.getString("record_id"));
        assertTrue(created.getJsonNumber("timestamp").longValue() > 0, created.toString());
    }

    @Test
    void aRolledBackBatchPushesNothing() throws Exception {
        put(alice, "/buckets/rolledback", 201);
        put(alice, "/buckets/rolledback/collections/c", 201);
        Http.Response failed = alice.send("POST", "/batch", """
                {"requests": [{"method": "PUT", "path": "/buckets/rolledback/collections/c/records/lost", "body": {"data": {}}},
                              {"method": "POST", "path": "/__probe__/fail"}]}""");
        assertEquals(500, failed.status(), failed.toString());
        put(alice, "/buckets/rolledback/collections/c/records/kept", 201);

        // Events are delivered in commit order: once "kept" is there, "lost" would have been too.
        assertEquals(List.of("create bucket /buckets/rolledback",
                        "create record /buckets/rolledback/collections/c/records/kept"),
                events("rolledback", 2).stream().map(RedisListenerIT::describe).toList());
    }

    @Test
    void aRedisThatDoesNotAnswerNeitherFailsNorSlowsWrites() throws Exception {
        long jedisTimeoutMillis = Protocol.DEFAULT_TIMEOUT;
        // Accepts connections (the kernel's backlog) but never answers: a client waiting for Redis would hang.
        try (ServerSocket silent = new ServerSocket(0)) {
            Map<String, String> settings = withAlice(JintoServer.defaults());
            settings.putAll(listener("redis://127.0.0.1:" + silent.getLocalPort() + "/0"));
            try (var server = JintoServer.startPrivate(settings)) {
                Http http = new Http(server.baseUrl()).as("alice", "secret");
                long start = System.nanoTime();
                put(http, "/buckets/silent", 201);
                put(http, "/buckets/silent/collections/c", 201);
                put(http, "/buckets/silent/collections/c/records/r", 201);
                long millis = (System.nanoTime() - start) / 1_000_000;
                // A write that waited for Redis would wait out Jedis's 2 s socket timeout: 3 of them 6 s at least.
                assertTrue(millis < 3 * jedisTimeoutMillis, "3 writes took " + millis + " ms");
            }
        }
    }

    @Test
    void anUnknownListenerKindStopsStartupNamingTheValidOnes() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.event_listeners", "queue");
        settings.put("kinto.event_listeners.queue.use", "kinto_rabbitmq.listeners");
        assertTrue(StartupFailure.errorsOf(settings).stream().anyMatch(message -> message.equals(
                        "Setting kinto.event_listeners.queue.use = 'kinto_rabbitmq.listeners' names no known backend; "
                                + "valid values: redis, webhook")),
                "no error names the valid listener kinds");
    }

    @Test
    void anUnknownActionStopsStartupNamingTheValidOnes() {
        Map<String, String> settings = JintoServer.defaults();
        settings.putAll(listener(TestRedis.url(0)));
        settings.put("kinto.event_listeners.queue.actions", "create publish");
        assertTrue(StartupFailure.errorsOf(settings).stream().anyMatch(message -> message.equals(
                        "Setting kinto.event_listeners.queue.actions names an unknown action 'publish'; "
                                + "valid values: create, update, delete, read")),
                "no error names the valid actions");
    }
}

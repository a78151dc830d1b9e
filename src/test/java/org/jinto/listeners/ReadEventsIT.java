package org.jinto.listeners;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A listener whose actions name {@code read} receives the reads: the engine raises read events only when something
 * wants them, and a listener asking for them is such a thing.
 */
class ReadEventsIT {

    private static final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static Http alice;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 19599), 0);
        receiver.createContext("/reads", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Json.createReader(new StringReader(body)).readObject());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> settings = JintoServer.defaults();
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.event_listeners", "reads");
        settings.put("kinto.event_listeners.reads.use", "jinto.listeners.webhook");
        settings.put("kinto.event_listeners.reads.url", "http://127.0.0.1:19599/reads");
        settings.put("kinto.event_listeners.reads.actions", "read");
        settings.put("kinto.event_listeners.reads.resources", "record");
        alice = new Http(JintoServer.url(settings)).as("alice", "secret");
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void aGetOfOneRecordReachesTheListener() {
        assertEquals(201, alice.send("PUT", "/buckets/read", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/read/collections/c", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/read/collections/c/records/r", "{\"data\": {\"n\": 1}}").status());
        assertEquals(200, alice.send("GET", "/buckets/read/collections/c/records/r", null).status());

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 1);
        JsonObject event = received.get(0);
        assertEquals("read", event.getString("action"));
        assertEquals("/buckets/read/collections/c/records/r", event.getString("uri"));
        assertEquals("r", event.getJsonArray("read_objects").getJsonObject(0).getString("id"));
    }
}

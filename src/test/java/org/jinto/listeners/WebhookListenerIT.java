package org.jinto.listeners;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The webhook listener against a real HTTP receiver that fails its first delivery with a 503: the event arrives
 * again, signed, and only the events passing the filters arrive. A second listener takes only reads: the engine
 * raises read events only when something wants them, and such a listener does.
 */
class WebhookListenerIT {

    private static final String SECRET = "webhook-secret";
    private static final List<Map.Entry<String, String>> received = new CopyOnWriteArrayList<>();
    private static final List<JsonObject> reads = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static Http alice;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 19598), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.entry(body, String.valueOf(exchange.getRequestHeaders().getFirst("X-Jinto-Signature"))));
            exchange.sendResponseHeaders(received.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.createContext("/reads", exchange -> {
            reads.add(Json.createReader(new StringReader(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> settings = JintoServer.defaults();
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.event_listeners", "hook reads");
        settings.put("kinto.event_listeners.hook.use", "jinto.listeners.webhook");
        settings.put("kinto.event_listeners.hook.url", "http://127.0.0.1:19598/hook");
        settings.put("kinto.event_listeners.hook.secret", SECRET);
        settings.put("kinto.event_listeners.hook.backoff_ms", "100");
        settings.put("kinto.event_listeners.hook.resources", "record");
        settings.put("kinto.event_listeners.reads.use", "jinto.listeners.webhook");
        settings.put("kinto.event_listeners.reads.url", "http://127.0.0.1:19598/reads");
        settings.put("kinto.event_listeners.reads.actions", "read");
        settings.put("kinto.event_listeners.reads.resources", "collection");
        alice = new Http(JintoServer.url(settings)).as("alice", "secret");
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedDeliveryIsRetriedSignedAndOnlyFilteredEventsArrive() throws Exception {
        assertEquals(201, alice.send("PUT", "/buckets/hooked", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/hooked/collections/c", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/hooked/collections/c/records/r", "{\"data\": {\"n\": 1}}").status());

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        // Nothing else arrives: the other events are filtered out, the retry succeeded.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> received.size() == 2);
        assertEquals(received.get(0), received.get(1), "the retry sends the same signed body");
        String body = received.get(1).getKey();
        assertEquals(hmac(body), received.get(1).getValue());
        JsonObject event = Json.createReader(new StringReader(body)).readObject();
        assertEquals("create", event.getString("action"));
        assertEquals("record", event.getString("resource_name"));
        assertEquals("/buckets/hooked/collections/c/records/r", event.getString("uri"));
        JsonObject created = event.getJsonArray("impacted_objects").getJsonObject(0).getJsonObject("new");
        assertEquals("r", created.getString("id"));
        assertEquals(1, created.getInt("n"));
    }

    @Test
    void aListenerOfReadsReceivesTheReadOfACollection() {
        // A collection, not a record: the other listener takes the records' changes.
        assertEquals(201, alice.send("PUT", "/buckets/read", null).status());
        assertEquals(201, alice.send("PUT", "/buckets/read/collections/c", null).status());
        assertEquals(200, alice.send("GET", "/buckets/read/collections/c", null).status());

        await().atMost(Duration.ofSeconds(10)).until(() -> !reads.isEmpty());
        JsonObject event = reads.get(0);
        assertEquals("read", event.getString("action"));
        assertEquals("/buckets/read/collections/c", event.getString("uri"));
        assertEquals("c", event.getJsonArray("read_objects").getJsonObject(0).getString("id"));
    }
}

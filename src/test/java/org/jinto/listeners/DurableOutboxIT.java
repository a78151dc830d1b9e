package org.jinto.listeners;

import org.jinto.launcher.EmbeddedServer;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The webhook listener on PostgreSQL delivers from its outbox: a receiver that is down neither slows nor fails the
 * writes, the events wait in the outbox (its size is the {@code event_listener_outbox} gauge), survive a restart of
 * Jinto, and each arrives once the receiver is up.
 */
class DurableOutboxIT {

    private static final Pattern OUTBOX = Pattern.compile("kinto_event_listener_outbox\\{listener=\"hook\",?} (\\S+)");
    private static final String RECORDS = "/buckets/outbox/collections/c/records/";

    private static Map<String, String> settings(WebhookReceiver receiver) {
        Map<String, String> settings = receiver.hookedTo(JintoServer.postgresql());
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.includes", "kinto.plugins.prometheus");
        settings.put("kinto.event_listeners.hook.backoff_ms", "100");
        settings.put("kinto.event_listeners.hook.max_backoff_ms", "500");
        return settings;
    }

    private static double outboxSize(Http http) {
        Matcher gauge = OUTBOX.matcher(http.get("/__metrics__").body());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }

    private static void writeRecords(Http alice, int from, int to) {
        for (int i = from; i < to; i++) {
            long start = System.nanoTime();
            assertEquals(201, alice.send("PUT", RECORDS + "r" + i, "{\"data\": {\"n\": " + i + "}}").status());
            // The request never waits for the receiver (whose connection is refused); the bound only guards a hang.
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "write " + i + " was held");
        }
    }

    private static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> RECORDS + "r" + i).toList();
    }

    @Test
    void eventsWaitForADownReceiverAcrossARestartAndArriveOnce() throws Exception {
        assumeTrue(JintoServer.onPostgresql(), "the outbox is PostgreSQL's");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> settings = settings(receiver);
            try (EmbeddedServer node = JintoServer.startPrivate(settings)) {
                Http alice = new Http(node.baseUrl()).as("alice", "secret");
                assertEquals(201, alice.send("PUT", "/buckets/outbox", null).status());
                assertEquals(201, alice.send("PUT", "/buckets/outbox/collections/c", null).status());
                writeRecords(alice, 0, 5);
                await().atMost(Duration.ofSeconds(30)).until(() -> outboxSize(alice) == 5);
            }

            receiver.start();
            try (EmbeddedServer restarted = JintoServer.startPrivate(settings)) {
                Http alice = new Http(restarted.baseUrl()).as("alice", "secret");
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.uris(RECORDS).size() >= 5);
                assertEquals(records(0, 5), receiver.uris(RECORDS), "in commit order, each once");

                receiver.stop();
                writeRecords(alice, 5, 8);
                await().atMost(Duration.ofSeconds(30)).until(() -> outboxSize(alice) == 3);
                receiver.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.uris(RECORDS).size() >= 8);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> outboxSize(alice) == 0);
                assertEquals(records(0, 8), receiver.uris(RECORDS));
            }
        }
    }
}

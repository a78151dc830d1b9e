package org.jinto.plugins.history;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history endpoint is declared as Kinto declares it (GET and DELETE): its HEAD and preflight are Cornice's
 * automatic ones, unlike the core plural endpoints'.
 */
class HistoryHeadersIT {

    private static final String ORIGIN = "http://app.example.com";

    private static String url() {
        return JintoServer.url(JintoServer.members());
    }

    private final Http alice = new Http(url()).as("alice", "secret").with("Origin", ORIGIN);

    @Test
    void headAnswersAsGetWithoutCounts() {
        assertEquals(201, alice.send("PUT", "/buckets/heads", null).status());
        Http.Response head = alice.send("HEAD", "/buckets/heads/history", null);
        assertEquals(200, head.status());
        assertNull(head.header("Total-Records"));
        assertNull(head.header("Total-Objects"));
        assertEquals(alice.get("/buckets/heads/history").header("ETag"), head.header("ETag"));
        assertFalse(head.header("Access-Control-Expose-Headers").contains("Total-Records"));

        Http.Response coreHead = alice.send("HEAD", "/buckets/heads/collections", null);
        assertEquals("0", coreHead.header("Total-Records"));
        assertTrue(coreHead.header("Access-Control-Expose-Headers").contains("Total-Records"));
    }

    @Test
    void preflightListsTheAutomaticHeadAfterGet() {
        Http.Response preflight = new Http(url()).with("Origin", ORIGIN).with("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/buckets/any/history", null);
        assertEquals(200, preflight.status());
        assertEquals("GET,HEAD,DELETE,OPTIONS", preflight.header("Access-Control-Allow-Methods"));
        assertFalse(preflight.header("Access-Control-Allow-Headers").contains("Total-Records"));
    }
}

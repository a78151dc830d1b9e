package org.jinto.ops;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MozLogTest {

    @Test
    void envelopeAndFields() {
        Instant at = Instant.parse("2030-01-02T03:04:05.123456789Z");
        RequestSummary summary = new RequestSummary(at, "PUT", "/v1/buckets/b1", Map.of("_since", "10"), 201, 12,
                "account:alice", 0, "kinto-http.js", "en", "rid-1");
        JsonObject line = parsed(MozLog.requestSummary(summary, "jinto", "host1", 42, 6));
        assertEquals(1893553445123456789L, line.getJsonNumber("Timestamp").longValue());
        assertEquals("request.summary", line.getString("Type"));
        assertEquals("host1", line.getString("Hostname"));
        assertEquals(42, line.getInt("Pid"));
        JsonObject fields = line.getJsonObject("Fields");
        assertEquals("account:alice", fields.getString("uid"));
        assertEquals(201, fields.getInt("code"));
        assertEquals(12, fields.getInt("t"));
        assertEquals("10", fields.getJsonObject("querystring").getString("_since"));
        assertEquals("rid-1", fields.getString("rid"));
        assertTrue(fields.getString("time").contains("T"));
    }

    @Test
    void unknownValuesAreJsonNull() {
        RequestSummary summary = new RequestSummary(Instant.now(), "GET", "/v1/", Map.of(), 404, 1, null, 111,
                null, null, "rid-2");
        JsonObject fields = parsed(MozLog.requestSummary(summary, "jinto", "h", 1, 6)).getJsonObject("Fields");
        assertTrue(fields.isNull("uid"));
        assertTrue(fields.isNull("agent"));
        assertTrue(fields.isNull("lang"));
        assertEquals(111, fields.getInt("errno"));
    }

    private static JsonObject parsed(String line) {
        assertTrue(!line.contains("\n"), "one line");
        return Json.createReader(new StringReader(line)).readObject();
    }
}

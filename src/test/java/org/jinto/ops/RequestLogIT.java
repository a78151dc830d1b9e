package org.jinto.ops;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One mozlog line per request, with the request id honoured and echoed, over real HTTP. */
class RequestLogIT {

    /** Generous: the wait ends as soon as the line is there, and a loaded machine can be slow to write it. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final CapturedRequestLog log = new CapturedRequestLog();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void summaryLineHasMozlogEnvelopeAndRequestFields() throws Exception {
        String rid = "test-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url()).with("X-Request-Id", rid)
                .with("User-Agent", "jinto-test/1.0").with("Accept-Language", "fr-FR")
                .get("/__heartbeat__?x=1&y=a%20b&x=2");
        assertEquals(200, response.status());
        assertEquals(rid, response.header("X-Request-Id"));

        LogRecord record = log.awaitRecord(rid, WAIT).orElseThrow(() -> new AssertionError("no summary for " + rid));
        assertEquals(Level.INFO, record.getLevel());
        JsonObject line = CapturedRequestLog.line(record);
        assertEquals("request.summary", line.getString("Type"));
        assertEquals("jinto", line.getString("Logger"));
        assertEquals(6, line.getInt("Severity"));
        assertEquals("2.0", line.getString("EnvVersion"));
        assertTrue(line.getJsonNumber("Timestamp").longValue() > 1_600_000_000_000_000_000L);
        JsonObject fields = line.getJsonObject("Fields");
        assertEquals("GET", fields.getString("method"));
        assertEquals("/v1/__heartbeat__", fields.getString("path"));
        assertEquals(Map.of("x", "2", "y", "a b"), Map.of(
                "x", fields.getJsonObject("querystring").getString("x"),
                "y", fields.getJsonObject("querystring").getString("y")));
        assertEquals(200, fields.getInt("code"));
        assertEquals(0, fields.getInt("errno"));
        assertTrue(fields.getJsonNumber("t").longValue() >= 0);
        assertEquals("jinto-test/1.0", fields.getString("agent"));
        assertEquals("fr-FR", fields.getString("lang"));
        assertTrue(fields.isNull("uid"));
    }

    @Test
    void aQueryThatIsNotUtf8IsRefusedAndNotLogged() throws Exception {
        String rid = "latin1-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url()).with("X-Request-Id", rid).get("/buckets?x=%E9");
        assertEquals(400, response.status());
        JsonObject fields = CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow());
        assertEquals(107, fields.getInt("errno"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, fields.getJsonObject("querystring"));
    }

    @Test
    void errorAnswersLogTheirErrno() throws Exception {
        String rid = "missing-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url()).with("X-Request-Id", rid).get("/nothing-here");
        assertEquals(404, response.status());
        JsonObject fields = CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow());
        assertEquals(404, fields.getInt("code"));
        assertEquals(111, fields.getInt("errno"));

        String notAllowed = "405-" + UUID.randomUUID();
        new Http(JintoServer.url()).with("X-Request-Id", notAllowed).send("DELETE", "/", null);
        assertEquals(115, CapturedRequestLog.fields(log.awaitRecord(notAllowed, WAIT).orElseThrow()).getInt("errno"));
    }

    @Test
    void resourceErrorsLogTheErrnoOfTheirBody() throws Exception {
        Map<String, String> settings = JintoServer.members();
        Http alice = new Http(JintoServer.url(settings)).as("alice", "secret");
        String bucket = "/buckets/logged-" + UUID.randomUUID();
        assertEquals(201, alice.send("PUT", bucket, null).status());

        assertLogged(alice, "GET", bucket + "/collections/missing", null, 404, 110);
        assertLogged(alice, "GET", bucket + "/collections/missing/records", null, 404, 111);
        assertLogged(alice.with("If-Match", "\"1\""), "PUT", bucket, null, 412, 114);
        assertLogged(alice, "GET", bucket + "/collections?_limit=minus", null, 400, 107);
        assertLogged(alice, "PUT", bucket + "/collections/c1", "{\"data\": 3}", 400, 107);
        assertLogged(new Http(JintoServer.url(settings)), "GET", bucket, null, 401, 104);
    }

    @Test
    void authenticatedRequestsLogTheUserIdWithoutItsPolicyPrefix() throws Exception {
        Http alice = new Http(JintoServer.url(JintoServer.members())).as("alice", "secret");
        String userId = alice.get("/").object().getJsonObject("user").getString("id");
        assertTrue(userId.startsWith("basicauth:"), userId);

        String rid = "uid-" + UUID.randomUUID();
        assertEquals(201, alice.with("X-Request-Id", rid).send("PUT", "/buckets/uid-" + UUID.randomUUID(), null).status());
        JsonObject fields = CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow());
        assertEquals(userId.substring("basicauth:".length()), fields.getString("uid"));
    }

    /** Sends the request, checks the answer's status and errno, and that its summary line logs both. */
    private void assertLogged(Http http, String method, String path, String body, int code, int errno)
            throws InterruptedException {
        String rid = "errno-" + UUID.randomUUID();
        Http.Response response = http.with("X-Request-Id", rid).send(method, path, body);
        assertEquals(code, response.status(), response.toString());
        assertEquals(errno, response.object().getInt("errno"), response.toString());
        JsonObject fields = CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow());
        assertEquals(code, fields.getInt("code"), path);
        assertEquals(errno, fields.getInt("errno"), method + " " + path);
    }

    @Test
    void batchAnswersLogNoErrnoOfTheirSubrequests() throws Exception {
        String rid = "batch-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url()).with("X-Request-Id", rid).send("POST", "/batch",
                "{\"requests\": [{\"path\": \"/buckets/none/collections/none\"}, {\"path\": \"/nothing-here\"}]}");
        assertEquals(200, response.status(), response.toString());
        assertEquals(404, response.object().getJsonArray("responses").getJsonObject(1).getInt("status"));
        JsonObject fields = CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow());
        assertEquals(200, fields.getInt("code"));
        assertEquals(0, fields.getInt("errno"));
    }

    @Test
    void missingOrHostileRequestIdIsReplacedByAGeneratedOne() throws Exception {
        Http.Response plain = new Http(JintoServer.url()).get("/__lbheartbeat__");
        String generated = plain.header("X-Request-Id");
        UUID.fromString(generated);
        assertTrue(log.awaitRecord(generated, WAIT).isPresent());

        Http.Response hostile = new Http(JintoServer.url()).with("X-Request-Id", "a\"b c").get("/__lbheartbeat__");
        assertNotEquals("a\"b c", hostile.header("X-Request-Id"));
        UUID.fromString(hostile.header("X-Request-Id"));
    }

    @Test
    void redirectsAreLoggedToo() throws Exception {
        String rid = "redirect-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url()).with("X-Request-Id", rid).get("/buckets/");
        assertEquals(307, response.status());
        assertEquals(rid, response.header("X-Request-Id"));
        assertEquals(307, CapturedRequestLog.fields(log.awaitRecord(rid, WAIT).orElseThrow()).getInt("code"));
    }

    @Test
    void summaryCanBeTurnedOff() throws Exception {
        String rid = "off-" + UUID.randomUUID();
        Http.Response response = new Http(JintoServer.url(JintoServer.switchedOff())).with("X-Request-Id", rid)
                .get("/__lbheartbeat__");
        assertEquals(200, response.status());
        assertEquals(rid, response.header("X-Request-Id"));
        assertTrue(log.awaitRecord(rid, Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void summaryIsLoggedAtTheConfiguredLevel() throws Exception {
        String rid = "warning-" + UUID.randomUUID();
        new Http(JintoServer.url(JintoServer.notices())).with("X-Request-Id", rid).get("/__lbheartbeat__");
        LogRecord record = log.awaitRecord(rid, WAIT).orElseThrow();
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals(4, CapturedRequestLog.line(record).getInt("Severity"));
    }
}

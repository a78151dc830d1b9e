package org.jinto.http.batch;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/batch over real HTTP. */
class BatchIT {

    private static final String URL = url();

    private static String url() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.flush");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        return JintoServer.url(settings);
    }

    private final Http http = new Http(URL);

    private Http.Response batch(String body) {
        return http.send("POST", "/batch", body);
    }

    @Test
    void subrequestsAreAnsweredInOrderWithStatusPathHeadersAndBody() {
        Http.Response response = batch("""
                {"defaults": {"method": "GET"},
                 "requests": [{"path": "/"}, {"path": "/__heartbeat__"}, {"path": "/nowhere"},
                              {"path": "/__flush__", "method": "POST"}]}""");
        assertEquals(200, response.status(), response.toString());
        JsonArray responses = response.object().getJsonArray("responses");
        assertEquals(4, responses.size());
        JsonObject hello = responses.getJsonObject(0);
        assertEquals(200, hello.getInt("status"));
        assertEquals("/v1/", hello.getString("path"));
        assertEquals("1.23", hello.getJsonObject("body").getString("http_api_version"));
        assertTrue(hello.getJsonObject("headers").getString("Content-Type").startsWith("application/json"));
        assertEquals("/v1/__heartbeat__", responses.getJsonObject(1).getString("path"));
        JsonObject missing = responses.getJsonObject(2);
        assertEquals(404, missing.getInt("status"));
        assertEquals(111, missing.getJsonObject("body").getInt("errno"));
        assertEquals(202, responses.getJsonObject(3).getInt("status"));
    }

    @Test
    void anUnauthorizedSubresponseHasKintosHeaders() {
        // Accounts then basicauth: two policies that challenge.
        String unseen = "b" + UUID.randomUUID();
        Http anonymous = new Http(JintoServer.url(JintoServer.standard())).with("Origin", "http://app.example.com");
        Http.Response direct = anonymous.get("/buckets/" + unseen);
        assertEquals(401, direct.status());
        assertEquals("Basic realm=\"Realm\", Basic realm=\"Realm\"", direct.header("WWW-Authenticate"));

        Http.Response batch = anonymous.send("POST", "/batch", "{\"requests\": [{\"path\": \"/buckets/" + unseen + "\"}]}");
        JsonObject unauthorized = batch.object().getJsonArray("responses").getJsonObject(0);
        assertEquals(401, unauthorized.getInt("status"));
        JsonObject headers = unauthorized.getJsonObject("headers");
        assertEquals("Basic realm=\"Realm\"", headers.getString("WWW-Authenticate"));
        assertTrue(headers.keySet().stream().noneMatch(name -> name.startsWith("Access-Control-")), headers.toString());
    }

    @Test
    void resourceSubrequestsAnswerAsDirectRequests() {
        Http alice = http.as("alice", "secret");
        Http.Response created = alice.send("POST", "/batch", """
                {"defaults": {"method": "PUT"},
                 "requests": [{"path": "/buckets/bb"}, {"path": "/buckets/bb/collections/c1"},
                              {"path": "/buckets/bb/collections/c1/records/r1", "body": {"data": {"a": 1}}}]}""");
        JsonArray responses = created.object().getJsonArray("responses");
        assertEquals(List.of(201, 201, 201), responses.stream().map(r -> r.asJsonObject().getInt("status")).toList());
        JsonObject record = responses.getJsonObject(2);
        assertEquals("/v1/buckets/bb/collections/c1/records/r1", record.getString("path"));
        long lastModified = record.getJsonObject("body").getJsonObject("data").getJsonNumber("last_modified").longValue();
        assertEquals("\"" + lastModified + "\"", record.getJsonObject("headers").getString("ETag"));

        Http.Response mixed = alice.send("POST", "/batch", """
                {"requests": [{"method": "GET", "path": "/buckets/bb/collections/c1/records/missing"},
                              {"method": "PATCH", "path": "/buckets/bb/collections/c1/records/r1", "body": {"data": {"b": 2}}},
                              {"method": "PUT", "path": "/buckets/bb/collections/c1/records/bad%20id", "body": {"data": {}}}]}""");
        assertEquals(200, mixed.status());
        JsonArray answers = mixed.object().getJsonArray("responses");
        assertEquals(404, answers.getJsonObject(0).getInt("status"));
        assertEquals(110, answers.getJsonObject(0).getJsonObject("body").getInt("errno"));
        assertEquals(2, answers.getJsonObject(1).getJsonObject("body").getJsonObject("data").getInt("b"));
        assertEquals(400, answers.getJsonObject(2).getInt("status"));
        assertEquals("/v1/buckets/bb/collections/c1/records/bad id", answers.getJsonObject(2).getString("path"));
        // Client errors do not undo the rest of the batch.
        assertEquals(2, alice.get("/buckets/bb/collections/c1/records/r1").object().getJsonObject("data").getInt("b"));
        assertEquals(403, http.as("bob", "secret").send("POST", "/batch",
                "{\"requests\": [{\"path\": \"/buckets/bb/collections/c1/records\"}]}")
                .object().getJsonArray("responses").getJsonObject(0).getInt("status"));
    }

    @Test
    void subrequestsUseTheirOwnHeaders() {
        Http.Response response = http.as("alice", "pw").send("POST", "/batch", """
                {"requests": [{"path": "/"}, {"path": "/", "headers": {"Authorization": ""}}]}""");
        JsonArray responses = response.object().getJsonArray("responses");
        assertTrue(responses.getJsonObject(0).getJsonObject("body").getJsonObject("user").getString("id")
                .startsWith("basicauth:"), response.toString());
        assertFalse(responses.getJsonObject(1).getJsonObject("body").containsKey("user"), response.toString());
    }

    @Test
    void emptyBatchAnswersNoResponses() {
        Http.Response response = batch("{\"requests\": []}");
        assertEquals(200, response.status());
        assertEquals("{\"responses\":[]}", response.body());
    }

    @Test
    void moreThanTheLimitIsRefusedAsKinto() {
        String request = "{\"path\": \"/\"}";
        Http.Response response = batch("{\"requests\": [" + String.join(",", java.util.Collections.nCopies(26, request)) + "]}");
        assertEquals(400, response.status());
        assertEquals(107, response.object().getInt("errno"));
        assertEquals("Number of requests is limited to 25", response.object().getString("message"));
        assertEquals("requests", response.object().getJsonArray("details").getJsonObject(0).getString("name"));
        assertEquals(200, batch("{\"requests\": [" + String.join(",", java.util.Collections.nCopies(25, request)) + "]}")
                .status());
    }

    @Test
    void recursionIsRefused() {
        Http.Response response = batch("{\"requests\": [{\"path\": \"/batch\", \"method\": \"POST\"}]}");
        assertEquals(400, response.status());
        assertEquals("requests in body: Recursive call on /batch endpoint is forbidden.",
                response.object().getString("message"));
    }

    @Test
    void invalidBodiesAreKintoErrors() {
        Http.Response unknown = batch("{\"foo\": 1}");
        assertEquals(400, unknown.status());
        assertEquals("Unrecognized keys in mapping: \"{'foo': 1}\"", unknown.object().getString("message"));
        Http.Response notJson = batch("{nope");
        assertEquals(400, notJson.status());
        assertTrue(notJson.object().getString("message").startsWith("Invalid JSON"), notJson.toString());
        Http.Response text = http.with("Content-Type", "text/plain").send("POST", "/batch", "{\"requests\": []}");
        assertEquals(415, text.status());
        assertEquals("Content-Type header should be one of ['application/json']", text.object().getString("message"));
    }
}

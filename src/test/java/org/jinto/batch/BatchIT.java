package org.jinto.batch;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    }
}

package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad requests get Kinto's error answers and change nothing. */
class ValidationIT extends ApiTestSupport {

    private final String collection;
    private final String records;

    ValidationIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        collection = "/buckets/" + b + "/collections/" + c;
        records = collection + "/records";
    }

    @Test
    void malformedJsonIsRejected() {
        Http.Response response = alice.send("PUT", records + "/r1", "{not json");
        assertInvalid(response, "body", "");
        assertTrue(response.object().getString("message").startsWith("Invalid JSON"));
        assertEquals(2, response.object().getJsonArray("details").size());
    }

    @Test
    void bodiesMustBeObjectsWithDataAndPermissionsOnly() {
        Http.Response notObject = alice.send("PUT", records + "/r1", "[1,2]");
        assertInvalid(notObject, "body", "");
        assertEquals("\"[1, 2]\" is not a mapping type: Does not implement dict-like functionality.",
                notObject.object().getString("message"));
        assertInvalid(alice.send("PUT", records + "/r1", "{\"data\": \"x\"}"), "body", "data");
        assertInvalid(alice.send("PUT", records + "/r1", "{\"data\": {}, \"extra\": 1}"), "body", "");
        assertInvalid(alice.send("PATCH", collection, "{\"data\": [1]}"), "body", "data");
    }

    @Test
    void permissionsAreValidatedPerResource() {
        Http.Response unknown = alice.send("PUT", records + "/r2", "{\"data\": {}, \"permissions\": {\"fly\": [\"account:bob\"]}}");
        assertInvalid(unknown, "body", "permissions");
        assertEquals("permissions in body: \"fly\" is not one of read, write", unknown.object().getString("message"));
        assertInvalid(alice.send("PUT", records + "/r2", "{\"data\": {}, \"permissions\": {\"read\": \"account:bob\"}}"),
                "body", "permissions.read");
        assertInvalid(alice.send("PUT", records + "/r2", "{\"permissions\": \"all\"}"), "body", "permissions");
        assertEquals(201, alice.send("PUT", collection.replaceAll("/collections/.*", "") + "/groups/g",
                "{\"permissions\": {\"write\": [], \"read\": [\"system.Everyone\"]}}").status());
        assertInvalid(alice.send("PATCH", collection, "{\"permissions\": {\"group:create\": []}}"), "body", "permissions");
    }

    @Test
    void unsupportedMethodsAnswer405WithAllow() {
        Http.Response onObject = alice.send("POST", records + "/r1", "{\"data\": {}}");
        assertError(onObject, 405, 115);
        assertEquals("GET, HEAD, PUT, PATCH, DELETE, OPTIONS", onObject.header("Allow"));
        Http.Response onList = alice.send("PUT", records, "{\"data\": {}}");
        assertError(onList, 405, 115);
        assertEquals("HEAD, GET, POST, DELETE, OPTIONS", onList.header("Allow"));
    }

    @Test
    void mediaTypesAreChecked() {
        Http.Response text = alice.with("Content-Type", "text/plain").send("PUT", records + "/r1", "{\"data\":{}}");
        assertError(text, 415, 107);
        JsonObject detail = text.object().getJsonArray("details").getJsonObject(0);
        assertEquals("Content-Type", detail.getString("name"));
        assertError(alice.with("Accept", "text/html").get(records), 406, 107);
        assertEquals(200, alice.with("Accept", "text/html, application/json;q=0.9").get(records).status());
        assertEquals(201, alice.with("Content-Type", "application/json; charset=utf-8")
                .send("PUT", records + "/typed", "{\"data\": {}}").status());
    }

    @Test
    void readOnlyServersOnlyServeReads() {
        Http server = new Http(JintoServer.url(JintoServer.readOnly())).as("alice", "alice-pw");
        Http.Response write = server.send("PUT", "/buckets/" + unique("b"), "{}");
        assertError(write, 405, 115);
        assertEquals("GET, HEAD, OPTIONS", write.header("Allow"));
        assertEquals(200, server.get("/buckets").status());
    }

    @Test
    void unknownPathsAnswerKinto404() {
        assertError(alice.get("/buckets/b/collections/c/records/r/extra"), 404, 111);
        assertError(alice.get("/accountsx"), 404, 111);
    }

    @Test
    void failedRequestsChangeNothing() {
        alice.send("PUT", records + "/kept", "{\"data\": {\"v\": 1}}");
        String etag = alice.get(records).header("ETag");
        alice.send("PUT", records + "/kept", "{\"data\": \"x\"}");
        alice.send("PUT", records + "/kept", "{\"data\": {\"id\": \"other\"}}");
        alice.send("PATCH", records + "/kept", "{bad");
        alice.send("PUT", records + "/new", "{\"data\": {}, \"permissions\": {\"fly\": []}}");
        assertEquals(etag, alice.get(records).header("ETag"));
        assertEquals(1, alice.get(records + "/kept").object().getJsonObject("data").getInt("v"));
        assertError(alice.get(records + "/new"), 404, 110);
    }
}

package org.jinto.resource;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the resource HTTP tests share: the {@linkplain JintoServer#standard() standard} server (accounts, basicauth,
 * anyone may create buckets and accounts), Basic-auth clients, unique ids and error assertions.
 */
abstract class ApiTestSupport {

    static final String SECRET = JintoServer.SECRET;

    static Map<String, String> settings() {
        return JintoServer.standard();
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final Http anonymous = new Http(JintoServer.url(settings()));
    final Http alice = anonymous.as("alice", "alice-pw");
    final Http bob = anonymous.as("bob", "bob-pw");
    final Http carol = anonymous.as("carol", "carol-pw");

    /** An id no other test uses on the shared server. */
    static String unique(String prefix) {
        return prefix + COUNTER.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** The user id of a client, as the server writes it in permissions. */
    static String userId(Http client) {
        String bucket = unique("who");
        Http.Response created = client.send("PUT", "/buckets/" + bucket, "{}");
        assertEquals(201, created.status(), created.body());
        return created.object().getJsonObject("permissions").getJsonArray("write").getString(0);
    }

    /** Creates bucket {@code b} and collection {@code c} as {@code owner}. */
    static void bucketAndCollection(Http owner, String bucket, String collection) {
        assertEquals(201, owner.send("PUT", "/buckets/" + bucket, "{}").status());
        assertEquals(201, owner.send("PUT", "/buckets/" + bucket + "/collections/" + collection, "{}").status());
    }

    static void assertError(Http.Response response, int status, int errno) {
        assertEquals(status, response.status(), response.body());
        JsonObject body = response.object();
        assertEquals(status, body.getInt("code"));
        assertEquals(errno, body.getInt("errno"), response.body());
    }

    /** Asserts a 400 errno 107 whose first detail has this location and name (null for JSON null). */
    static void assertInvalid(Http.Response response, String location, String name) {
        assertError(response, 400, 107);
        JsonObject detail = response.object().getJsonArray("details").getJsonObject(0);
        assertEquals(location, detail.getString("location"));
        assertEquals(name, detail.isNull("name") ? null : detail.getString("name"), response.body());
    }

    static List<String> ids(Http.Response list) {
        return list.object().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("id")).toList();
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList();
    }

    static long lastModified(Http.Response response) {
        return response.object().getJsonObject("data").getJsonNumber("last_modified").longValue();
    }

    static String etag(long timestamp) {
        return "\"" + timestamp + "\"";
    }
}

package org.jinto.defaultbucket;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The personal bucket behind {@code /buckets/default} (Kinto's {@code kinto.plugins.default_bucket}): implicit
 * creation of the bucket and collections, one bucket per user, anonymous callers refused.
 */
class DefaultBucketIT {

    private final Http anonymous = new Http(JintoServer.url(JintoServer.standard()));

    /** A user never seen before, so that nothing exists in its default bucket yet. */
    private Http newUser() {
        return anonymous.as("user-" + UUID.randomUUID(), "pw");
    }

    private static String bucketId(Http user) {
        return user.get("/").object().getJsonObject("user").getString("bucket");
    }

    @Test
    void firstRecordCreatesBucketAndCollection() {
        Http alice = newUser();
        String bucket = "/buckets/" + bucketId(alice);
        assertEquals(403, alice.get(bucket).status(), "nothing exists before the first use");

        Http.Response created = alice.send("PUT", "/buckets/default/collections/tasks/records/t1",
                "{\"data\": {\"todo\": \"x\"}}");
        assertEquals(201, created.status(), created.body());

        Http.Response bucketRead = alice.get(bucket);
        assertEquals(200, bucketRead.status(), bucketRead.body());
        String userId = alice.get("/").object().getJsonObject("user").getString("id");
        assertEquals(List.of(userId), bucketRead.object().getJsonObject("permissions").getJsonArray("write")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(200, alice.get(bucket + "/collections/tasks").status());
        Http.Response records = alice.get(bucket + "/collections/tasks/records");
        assertEquals("x", records.object().getJsonArray("data").getJsonObject(0).getString("todo"));
    }

    @Test
    void postAndReadsCreateTheCollectionToo() {
        Http alice = newUser();
        Http.Response posted = alice.send("POST", "/buckets/default/collections/notes/records", "{\"data\": {\"n\": 1}}");
        assertEquals(201, posted.status(), posted.body());
        assertEquals(200, alice.get("/buckets/default/collections/drafts/records").status());

        Http.Response collections = alice.get("/buckets/default/collections?_sort=id");
        assertEquals(200, collections.status(), collections.body());
        assertEquals(List.of("drafts", "notes"), collections.object().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList());
    }

    @Test
    void eachUserHasItsOwnBucket() {
        Http alice = newUser();
        Http bob = newUser();
        assertEquals(201, alice.send("PUT", "/buckets/default/collections/tasks/records/secret",
                "{\"data\": {\"owner\": \"alice\"}}").status());
        JsonObject bobsBucket = bob.get("/buckets/default").object().getJsonObject("data");

        assertNotEquals(bucketId(alice), bobsBucket.getString("id"));
        assertEquals(bucketId(bob), bobsBucket.getString("id"));
        assertEquals(0, bob.get("/buckets/default/collections/tasks/records").object().getJsonArray("data").size());
        assertEquals(403, bob.get("/buckets/" + bucketId(alice)).status());
        assertEquals(403, bob.get("/buckets/" + bucketId(alice) + "/collections/tasks/records/secret").status());
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        for (String path : List.of("/buckets/default", "/buckets/default/collections/c/records")) {
            Http.Response response = anonymous.get(path);
            assertEquals(401, response.status(), response.body());
            assertEquals(104, response.object().getInt("errno"));
            assertTrue(response.header("WWW-Authenticate").startsWith("Basic realm="));
        }
    }

    @Test
    void creatingPutsAreNotPrecededByImplicitCreation() {
        Http alice = newUser();
        Http.Response bucket = alice.send("PUT", "/buckets/default", "{\"data\": {\"id\": \"default\", \"x\": 1}}");
        assertEquals(201, bucket.status(), bucket.body());
        assertEquals(bucketId(alice), bucket.object().getJsonObject("data").getString("id"), "data.id is resolved");
        assertEquals(201, alice.send("PUT", "/buckets/default/collections/c", "{\"data\": {\"y\": 2}}").status());
        assertEquals(2, alice.get("/buckets/default/collections/c").object().getJsonObject("data").getInt("y"));
    }

    @Test
    void invalidCollectionIdIsRejected() {
        Http.Response response = newUser().get("/buckets/default/collections/no%20spaces/records");
        assertEquals(400, response.status(), response.body());
        JsonObject detail = response.object().getJsonArray("details").getJsonObject(0);
        assertEquals("path", detail.getString("location"));
        assertEquals("Invalid collection id", detail.getString("description"));
    }

    @Test
    void preflightAnswersAsForAnyBucket() {
        Http.Response preflight = anonymous.with("Origin", "http://app.example")
                .with("Access-Control-Request-Method", "PUT")
                .send("OPTIONS", "/buckets/default/collections/c/records/r", null);
        assertEquals(200, preflight.status(), preflight.body());
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PUT"));
    }

    @Test
    void withoutThePluginDefaultIsAnOrdinaryBucketId() {
        Map<String, String> settings = JintoServer.standard();
        settings.put("kinto.includes", "kinto.plugins.accounts");
        Http alice = new Http(JintoServer.url(settings)).as("alice", "pw");
        Http.Response created = alice.send("PUT", "/buckets/default", "{}");
        assertEquals(201, created.status(), created.body());
        assertEquals("default", created.object().getJsonObject("data").getString("id"));
    }

    @Test
    void readonlyServerRefusesTheDefaultBucket() {
        Http.Response response = new Http(JintoServer.url(JintoServer.readOnly())).as("alice", "pw").get("/buckets/default");
        assertEquals(405, response.status(), response.body());
        assertEquals(115, response.object().getInt("errno"));
    }
}

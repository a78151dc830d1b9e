package org.jinto.resource;

import org.jinto.auth.HmacDigest;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization matrix: anonymous, an authenticated stranger (carol), the owner (alice), a member of a group
 * the bucket is shared with (dave), and another user with one record shared (bob), reading, writing and creating
 * buckets, collections, groups and records.
 */
class AuthorizationIT extends ApiTestSupport {

    private final Http dave = anonymous.as("dave", "dave-pw");
    private final String bucket = "/buckets/" + unique("b");
    private final String collection = bucket + "/collections/c";
    private final String group = bucket + "/groups/team";
    private final String records = collection + "/records";

    AuthorizationIT() {
        bucketAndCollection(alice, bucket.substring("/buckets/".length()), "c");
        alice.send("PUT", group, "{\"data\": {\"members\": [\"" + userId(dave) + "\"]}}");
        alice.send("PATCH", bucket, "{\"permissions\": {\"read\": [\"" + group + "\"]}}");
        alice.send("PATCH", collection, "{\"permissions\": {\"record:create\": [\"system.Authenticated\"]}}");
        alice.send("PUT", records + "/r", "{\"data\": {\"secret\": 1}}");
        alice.send("PUT", records + "/shared", "{\"data\": {}, \"permissions\": {\"read\": [\"" + userId(bob) + "\"]}}");
    }

    /** Expected statuses in the order anonymous, carol, alice, dave, bob. */
    private void expect(String method, String path, String body, int... statuses) {
        Map<String, Http> clients = new LinkedHashMap<>();
        clients.put("anonymous", anonymous);
        clients.put("carol", carol);
        clients.put("alice", alice);
        clients.put("dave", dave);
        clients.put("bob", bob);
        int i = 0;
        for (Map.Entry<String, Http> client : clients.entrySet()) {
            Http.Response response = client.getValue().send(method, path, body);
            assertEquals(statuses[i++], response.status(), client.getKey() + " " + method + " " + path + ": " + response.body());
            if (response.status() == 401) {
                assertEquals(104, response.object().getInt("errno"));
                assertTrue(response.header("WWW-Authenticate").startsWith("Basic realm="));
            } else if (response.status() == 403) {
                assertEquals(121, response.object().getInt("errno"));
            }
        }
    }

    @Test
    void readingObjects() {
        expect("GET", bucket, null, 401, 403, 200, 200, 403);
        // record:create on the collection lets authenticated users read its attributes.
        expect("GET", collection, null, 401, 200, 200, 200, 200);
        expect("GET", group, null, 401, 403, 200, 200, 403);
        expect("GET", records + "/r", null, 401, 403, 200, 200, 403);
        expect("GET", records + "/shared", null, 401, 403, 200, 200, 200);
    }

    @Test
    void writingObjects() {
        expect("PATCH", bucket, "{\"data\": {\"x\": 1}}", 401, 403, 200, 403, 403);
        expect("PATCH", collection, "{\"data\": {\"x\": 1}}", 401, 403, 200, 403, 403);
        expect("PATCH", group, "{\"data\": {\"x\": 1}}", 401, 403, 200, 403, 403);
        expect("PATCH", records + "/shared", "{\"data\": {\"x\": 1}}", 401, 403, 200, 403, 403);
        for (Http stranger : List.of(carol, dave, bob)) {
            assertEquals(403, stranger.send("DELETE", records + "/r", null).status());
        }
        assertEquals(200, alice.send("DELETE", records + "/r", null).status());
    }

    @Test
    void creatingObjects() {
        expect("POST", bucket + "/collections", "{\"data\": {}}", 401, 403, 201, 403, 403);
        expect("POST", bucket + "/groups", "{\"data\": {}}", 401, 403, 201, 403, 403);
        expect("POST", records, "{\"data\": {}}", 401, 201, 201, 201, 201);
        String b = unique("b");
        assertEquals(201, anonymous.send("PUT", "/buckets/" + b, "{}").status(), "bucket_create_principals = Everyone");
    }

    @Test
    void creatorsOwnWhatTheyCreate() {
        Http.Response created = carol.send("PUT", records + "/carols", "{\"data\": {\"by\": \"carol\"}}");
        assertEquals(201, created.status());
        assertEquals(List.of(userId(carol)), strings(created.object().getJsonObject("permissions").getJsonArray("write")));
        assertEquals(200, carol.send("PATCH", records + "/carols", "{\"data\": {\"v\": 2}}").status());
        assertEquals(403, bob.get(records + "/carols").status());
        assertEquals(200, alice.get(records + "/carols").status(), "the bucket owner reads everything in it");
        Http.Response byWriter = alice.send("PATCH", records + "/carols", "{\"data\": {\"v\": 3}}");
        assertEquals(List.of(userId(alice), userId(carol)).stream().sorted().toList(),
                strings(byWriter.object().getJsonObject("permissions").getJsonArray("write")), "writers join the owners");
    }

    @Test
    void listsOnlyShowWhatTheCallerMayRead() {
        carol.send("PUT", records + "/mine", "{\"data\": {}}");
        expect("GET", records, null, 401, 200, 200, 200, 200);
        assertEquals(List.of("mine"), ids(carol.get(records)));
        assertEquals(List.of("shared"), ids(bob.get(records)));
        assertTrue(ids(dave.get(records)).containsAll(List.of("r", "shared", "mine")));
        assertFalse(ids(carol.get("/buckets")).contains(bucket.substring("/buckets/".length())));
        assertTrue(ids(dave.get("/buckets")).contains(bucket.substring("/buckets/".length())));
        assertEquals(403, bob.get(bucket + "/groups").status(), "nothing shared, no create permission");
        assertEquals("3", dave.send("HEAD", records, null).header("Total-Objects"));
    }

    @Test
    void permissionsAreShownOnlyToWriters() {
        assertTrue(alice.get(bucket).object().getJsonObject("permissions").containsKey("write"));
        assertEquals(0, dave.get(bucket).object().getJsonObject("permissions").size());
        assertEquals(0, bob.get(records + "/shared").object().getJsonObject("permissions").size());
    }

    @Test
    void missingObjectsAreNotFoundOnlyForThoseWhoMayReadTheParent() {
        expect("GET", records + "/missing", null, 401, 403, 404, 404, 403);
        // Deleting needs to read the records of the parent collection, which record:create does not grant.
        expect("DELETE", records + "/missing", null, 401, 403, 404, 404, 403);
        expect("GET", "/buckets/" + unique("missing"), null, 401, 403, 403, 403, 403);
        Http.Response ownerDeletes = alice.send("DELETE", bucket + "/groups/team", null);
        assertEquals(200, ownerDeletes.status());
        assertEquals(403, dave.get(bucket).status(), "group membership ends with the group");
    }

    @Test
    void settingsGrantPermissionsToPrincipals() {
        Map<String, String> settings = settings();
        settings.remove("kinto.bucket_create_principals");  // Kinto's default: system.Authenticated.
        settings.put("kinto.bucket_read_principals", "basicauth:" + HmacDigest.hex(SECRET, "carol:carol-pw"));
        settings.put("kinto.record_create_principals", "system.Authenticated");
        Http server = new Http(JintoServer.url(settings));
        Function<String, Http> as = name -> server.as(name, name + "-pw");
        String b = unique("b");
        assertEquals(401, server.send("PUT", "/buckets/" + b, "{}").status());
        assertEquals(201, as.apply("alice").send("PUT", "/buckets/" + b, "{}").status());
        assertEquals(200, as.apply("carol").get("/buckets/" + b).status());
        assertEquals(403, as.apply("bob").get("/buckets/" + b).status());
        as.apply("alice").send("PUT", "/buckets/" + b + "/collections/c", "{}");
        assertEquals(201, as.apply("bob").send("PUT", "/buckets/" + b + "/collections/c/records/r", "{}").status());
    }
}

package org.jinto.resource;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/permissions}: what an owner, another user, a group member and anonymous callers see, with the
 * permissions implied on each object, the root entry from the settings, and the list features (filters, sorting,
 * pagination, counts).
 */
class PermissionsEndpointIT {

    private static Map<String, String> settings() {
        return JintoServer.members();
    }

    private final Http anonymous = new Http(JintoServer.url(settings()));
    private final Http alice = newUser();
    private final String bucketId = "b" + UUID.randomUUID().toString().substring(0, 8);
    private final String bucket = "/buckets/" + bucketId;

    private Http newUser() {
        return anonymous.as("user-" + UUID.randomUUID(), "pw");
    }

    private static String userId(Http user) {
        return user.get("/").object().getJsonObject("user").getString("id");
    }

    private void send(Http user, String method, String path, String body) {
        Http.Response response = user.send(method, path, body);
        assertTrue(response.status() < 300, method + " " + path + ": " + response);
    }

    /** The caller's entries of this test's bucket, by URI. */
    private Map<String, JsonObject> entries(Http user) {
        Http.Response response = user.get("/permissions?bucket_id=" + bucketId);
        assertEquals(200, response.status(), response.body());
        Map<String, JsonObject> byUri = new java.util.TreeMap<>();
        response.object().getJsonArray("data").getValuesAs(JsonObject.class).forEach(e -> byUri.put(e.getString("uri"), e));
        return byUri;
    }

    private static List<String> permissions(JsonObject entry) {
        return entry.getJsonArray("permissions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).sorted().toList();
    }

    @Test
    void ownerSeesEveryObjectWithImpliedPermissions() {
        send(alice, "PUT", bucket, "{}");
        send(alice, "PUT", bucket + "/collections/c", "{}");
        send(alice, "PUT", bucket + "/groups/g", "{\"data\": {\"members\": []}}");
        send(alice, "PUT", bucket + "/collections/c/records/r", "{\"data\": {}}");

        Map<String, JsonObject> entries = entries(alice);
        assertEquals(List.of(bucket, bucket + "/collections/c", bucket + "/collections/c/records/r", bucket + "/groups/g"),
                List.copyOf(entries.keySet()));
        JsonObject bucketEntry = entries.get(bucket);
        assertEquals("bucket", bucketEntry.getString("resource_name"));
        assertEquals(bucketId, bucketEntry.getString("id"));
        assertEquals(bucketId, bucketEntry.getString("bucket_id"));
        assertEquals(List.of("collection:create", "group:create", "read", "read:attributes", "write"),
                permissions(bucketEntry));
        assertEquals(List.of("read", "read:attributes", "record:create", "write"),
                permissions(entries.get(bucket + "/collections/c")));
        assertEquals(List.of("read", "write"), permissions(entries.get(bucket + "/groups/g")));
        assertEquals("g", entries.get(bucket + "/groups/g").getString("group_id"));
        JsonObject record = entries.get(bucket + "/collections/c/records/r");
        assertEquals(List.of("read", "write"), permissions(record));
        assertEquals("record", record.getString("resource_name"));
        assertEquals("c", record.getString("collection_id"));
        assertEquals("r", record.getString("record_id"));
        assertEquals("r", record.getString("id"));
    }

    @Test
    void otherUserSeesOnlyWhatIsSharedWithIt() {
        Http bob = newUser();
        send(alice, "PUT", bucket, "{}");
        send(alice, "PUT", bucket + "/collections/c", "{}");
        assertEquals(Map.of(), entries(bob));

        send(alice, "PATCH", bucket + "/collections/c", "{\"permissions\": {\"read\": [\"" + userId(bob) + "\"]}}");
        Map<String, JsonObject> entries = entries(bob);
        assertEquals(List.of(bucket + "/collections/c"), List.copyOf(entries.keySet()));
        assertEquals(List.of("read", "read:attributes"), permissions(entries.get(bucket + "/collections/c")));
    }

    @Test
    void groupMembersSeeWhatTheGroupIsGiven() {
        Http dave = newUser();
        send(alice, "PUT", bucket, "{}");
        send(alice, "PUT", bucket + "/groups/team", "{\"data\": {\"members\": [\"" + userId(dave) + "\"]}}");
        send(alice, "PATCH", bucket, "{\"permissions\": {\"collection:create\": [\"" + bucket + "/groups/team\"]}}");

        Map<String, JsonObject> entries = entries(dave);
        assertEquals(List.of(bucket), List.copyOf(entries.keySet()));
        assertEquals(List.of("collection:create", "read:attributes"), permissions(entries.get(bucket)));
    }

    @Test
    void rootEntryComesFromTheSettings() {
        JsonObject root = alice.get("/permissions?resource_name=root").object().getJsonArray("data").getJsonObject(0);
        assertEquals("/", root.getString("uri"));
        assertEquals(List.of("bucket:create"), permissions(root));
        assertNull(root.get("id"));

        Http.Response anonymousList = anonymous.get("/permissions");
        assertEquals(200, anonymousList.status(), anonymousList.body());
        assertEquals("no-cache, no-store", anonymousList.header("Cache-Control"));
        assertTrue(anonymousList.object().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .noneMatch(e -> e.getString("uri").equals("/")), "system.Authenticated only may create buckets");
    }

    @Test
    void paginatedSortedAndCounted() {
        send(alice, "PUT", bucket, "{}");
        for (String id : List.of("c1", "c2", "c3", "c4", "c5")) {
            send(alice, "PUT", bucket + "/collections/" + id, "{}");
        }
        Http.Response all = alice.get("/permissions?resource_name=collection&bucket_id=" + bucketId);
        List<String> descending = uris(all);
        assertEquals(List.of("c5", "c4", "c3", "c2", "c1").stream().map(c -> bucket + "/collections/" + c).toList(),
                descending, "uri descending by default");
        assertNotNull(all.header("ETag"));
        assertNotNull(all.header("Last-Modified"));

        List<String> paged = new ArrayList<>();
        Http.Response page = alice.get("/permissions?resource_name=collection&_sort=uri&_limit=2&bucket_id=" + bucketId);
        int pages = 1;
        paged.addAll(uris(page));
        while (page.header("Next-Page") != null) {
            page = alice.get(page.header("Next-Page"));
            assertEquals(200, page.status(), page.body());
            paged.addAll(uris(page));
            pages++;
        }
        assertEquals(3, pages);
        List<String> ascending = new ArrayList<>(descending);
        java.util.Collections.reverse(ascending);
        assertEquals(ascending, paged);

        Http.Response head = alice.send("HEAD", "/permissions?resource_name=collection&bucket_id=" + bucketId, null);
        assertEquals("5", head.header("Total-Objects"));
        assertEquals(all.header("ETag"), head.header("ETag"), "the list timestamp does not move");
        Http.Response notModified = alice.with("If-None-Match", all.header("ETag")).get("/permissions");
        assertEquals(304, notModified.status());
    }

    @Test
    void projectionAndTimestampParameters() {
        send(alice, "PUT", bucket, "{}");
        JsonObject entry = alice.get("/permissions?_fields=uri&_since=1&_sort=-last_modified&bucket_id=" + bucketId)
                .object().getJsonArray("data").getJsonObject(0);
        assertEquals(Map.of("uri", bucket, "id", bucketId), Map.of("uri", entry.getString("uri"), "id", entry.getString("id")));
        assertEquals(2, entry.size());
    }

    @Test
    void invalidListParametersAreKintoErrors() {
        Http.Response unknown = alice.get("/permissions?account_id=x");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(107, unknown.object().getInt("errno"));
        assertEquals(400, alice.get("/permissions?_sort=title").status());
        Http.Response post = alice.send("POST", "/permissions", "{}");
        assertEquals(405, post.status());
        assertEquals("HEAD, GET, OPTIONS", post.header("Allow"));
    }

    @Test
    void offUnlessEnabled() {
        // The defaults leave it off.
        Http.Response response = new Http(JintoServer.url()).get("/permissions");
        assertEquals(404, response.status());
        assertEquals(111, response.object().getInt("errno"));
    }

    @Test
    void settingsPrincipalsGiveEveryBucketAndCollection() {
        Map<String, String> settings = settings();
        settings.put("kinto.collection_read_principals", "system.Authenticated");
        settings.put("kinto.group_create_principals", "system.Authenticated");
        settings.put("kinto.permissions_read_principals", "system.Authenticated");
        Http server = new Http(JintoServer.url(settings));
        Http owner = server.as("owner", "pw");
        send(owner, "PUT", bucket, "{}");
        send(owner, "PUT", bucket + "/collections/c", "{}");

        Http.Response other = server.as("someone-else", "pw").get("/permissions?bucket_id=" + bucketId + "&_sort=uri");
        List<JsonObject> data = other.object().getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(List.of(bucket, bucket + "/collections/c"), data.stream().map(e -> e.getString("uri")).toList());
        assertEquals(List.of("group:create", "read:attributes"), permissions(data.get(0)));
        assertEquals(List.of("read", "read:attributes"), permissions(data.get(1)));

        Http.Response refused = server.get("/permissions");
        assertEquals(401, refused.status(), refused.body());
        assertEquals(104, refused.object().getInt("errno"));
    }

    private static List<String> uris(Http.Response list) {
        return list.object().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("uri")).toList();
    }
}

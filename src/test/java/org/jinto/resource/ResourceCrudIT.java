package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, reading, replacing, patching and deleting buckets, collections, groups and records over HTTP. */
class ResourceCrudIT extends ApiTestSupport {

    @Test
    void putCreatesThenReplaces() {
        String b = unique("b");
        Http.Response created = alice.send("PUT", "/buckets/" + b, "{\"data\": {\"title\": \"one\", \"n\": 1}}");
        assertEquals(201, created.status());
        JsonObject data = created.object().getJsonObject("data");
        assertEquals(b, data.getString("id"));
        assertEquals("one", data.getString("title"));
        assertEquals(etag(lastModified(created)), created.header("ETag"));
        assertNotNull(created.header("Last-Modified"));
        assertEquals(List.of(userId(alice)), strings(created.object().getJsonObject("permissions").getJsonArray("write")));

        Http.Response replaced = alice.send("PUT", "/buckets/" + b, "{\"data\": {\"title\": \"uno\"}}");
        assertEquals(200, replaced.status());
        assertFalse(replaced.object().getJsonObject("data").containsKey("n"), "a replace drops missing fields");
        assertTrue(lastModified(replaced) > lastModified(created));

        Http.Response read = alice.get("/buckets/" + b);
        assertEquals(200, read.status());
        assertEquals(replaced.object(), read.object());
        assertEquals("no-cache, no-store", read.header("Cache-Control"));
        assertEquals(etag(lastModified(replaced)), read.header("ETag"));
    }

    @Test
    void patchMergesTopLevelFields() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        String record = "/buckets/" + b + "/collections/" + c + "/records/r1";
        alice.send("PUT", record, "{\"data\": {\"title\": \"b\", \"meta\": {\"a\": 1}}}");
        Http.Response patched = alice.send("PATCH", record, "{\"data\": {\"done\": true, \"meta\": {\"b\": 2}}}");
        assertEquals(200, patched.status());
        JsonObject data = patched.object().getJsonObject("data");
        assertEquals("b", data.getString("title"));
        assertTrue(data.getBoolean("done"));
        assertEquals(1, data.getJsonObject("meta").size(), "nested objects are replaced, not merged");
        assertEquals(patched.object().getJsonObject("data"), alice.get(record).object().getJsonObject("data"));
    }

    @Test
    void patchNeedsDataOrPermissionsAndAnExistingObject() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        assertInvalid(alice.send("PATCH", "/buckets/" + b, "{}"), "body", "data");
        Http.Response missing = alice.send("PATCH", "/buckets/" + b + "/groups/nope", "{\"data\": {}}");
        assertError(missing, 404, 110);
        assertEquals("nope", missing.object().getJsonObject("details").getString("id"));
        assertEquals("group", missing.object().getJsonObject("details").getString("resource_name"));
    }

    @Test
    void postCreatesWithGivenOrGeneratedIdsAndReturnsExistingObjects() {
        String b = unique("b");
        Http.Response withId = alice.send("POST", "/buckets", "{\"data\": {\"id\": \"" + b + "\", \"k\": \"v\"}}");
        assertEquals(201, withId.status());
        Http.Response again = alice.send("POST", "/buckets", "{\"data\": {\"id\": \"" + b + "\", \"k\": \"other\"}}");
        assertEquals(200, again.status());
        assertEquals("v", again.object().getJsonObject("data").getString("k"));

        Http.Response generated = alice.send("POST", "/buckets", "{\"data\": {\"k\": \"g\"}}");
        assertEquals(201, generated.status());
        String bucketId = generated.object().getJsonObject("data").getString("id");
        assertTrue(bucketId.matches("[a-zA-Z0-9][a-zA-Z0-9_-]{7}"), bucketId);

        alice.send("PUT", "/buckets/" + b + "/collections/c", "{}");
        Http.Response record = alice.send("POST", "/buckets/" + b + "/collections/c/records", "{\"data\": {\"x\": 1}}");
        assertEquals(201, record.status());
        assertTrue(record.object().getJsonObject("data").getString("id")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
        Http.Response group = alice.send("POST", "/buckets/" + b + "/groups", "{\"data\": {}}");
        assertEquals(201, group.status());
        assertEquals(0, group.object().getJsonObject("data").getJsonArray("members").size());
    }

    @Test
    void listsAreNewestFirstWithTimestampAndCount() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        String records = "/buckets/" + b + "/collections/" + c + "/records";
        Http.Response empty = alice.get(records);
        assertEquals(0, empty.object().getJsonArray("data").size());
        assertNotNull(empty.header("ETag"));
        alice.send("PUT", records + "/r1", "{\"data\": {\"n\": 1}}");
        alice.send("PUT", records + "/r2", "{\"data\": {\"n\": 2}}");
        Http.Response newest = alice.send("PUT", records + "/r3", "{\"data\": {\"n\": 3}}");
        Http.Response list = alice.get(records);
        assertEquals(List.of("r3", "r2", "r1"), ids(list));
        assertEquals(etag(lastModified(newest)), list.header("ETag"));
        Http.Response head = alice.send("HEAD", records, null);
        assertEquals(200, head.status());
        assertEquals("3", head.header("Total-Objects"));
        assertEquals("3", head.header("Total-Records"));
        assertEquals("application/json", head.header("Content-Type"), "the type of the GET's body, as Kinto");
        assertEquals("", head.body());
    }

    @Test
    void deleteLeavesTombstonesAndCountsInTheTimestamp() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        String records = "/buckets/" + b + "/collections/" + c + "/records";
        alice.send("PUT", records + "/r1", "{\"data\": {}}");
        alice.send("PUT", records + "/r2", "{\"data\": {}}");
        Http.Response deleted = alice.send("DELETE", records + "/r1", null);
        assertEquals(200, deleted.status());
        JsonObject tombstone = deleted.object().getJsonObject("data");
        assertTrue(tombstone.getBoolean("deleted"));
        assertEquals(3, tombstone.size());
        assertNull(deleted.object().get("permissions"));
        assertError(alice.get(records + "/r1"), 404, 110);
        assertError(alice.send("DELETE", records + "/r1", null), 404, 110);
        assertEquals(etag(tombstone.getJsonNumber("last_modified").longValue()), alice.get(records).header("ETag"));

        Http.Response all = alice.send("DELETE", records, null);
        assertEquals(List.of("r2"), ids(all));
        assertEquals(all.header("ETag"), alice.get(records).header("ETag"), "the collection keeps the last timestamp");
        assertEquals(0, alice.get(records).object().getJsonArray("data").size());
    }

    @Test
    void deletionsMayBeDatedByTheClient() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b + "", "{}");
        Http.Response group = alice.send("PUT", "/buckets/" + b + "/groups/g", "{\"data\": {}}");
        long future = lastModified(group) + 100_000;
        Http.Response deleted = alice.send("DELETE", "/buckets/" + b + "/groups/g?last_modified=" + future, null);
        assertEquals(future, lastModified(deleted));
    }

    @Test
    void clientsMayImportObjectsWithTheirTimestamp() {
        String b = unique("b");
        Http.Response created = alice.send("PUT", "/buckets/" + b, "{}");
        long future = lastModified(created) + 10_000;
        Http.Response imported = alice.send("PUT", "/buckets/" + b + "/groups/g",
                "{\"data\": {\"last_modified\": " + future + "}}");
        assertEquals(future, lastModified(imported));
        Http.Response older = alice.send("PUT", "/buckets/" + b + "/groups/g",
                "{\"data\": {\"last_modified\": " + (future - 5) + "}}");
        assertTrue(lastModified(older) > future, "an older timestamp than the existing one is ignored");
    }

    @Test
    void putWithoutDataKeepsTheObject() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{\"data\": {\"title\": \"kept\"}}");
        Http.Response onlyPermissions = alice.send("PUT", "/buckets/" + b, "{\"permissions\": {\"read\": [\"system.Everyone\"]}}");
        assertEquals(200, onlyPermissions.status());
        assertEquals("kept", onlyPermissions.object().getJsonObject("data").getString("title"));
        assertEquals(List.of("system.Everyone"),
                strings(onlyPermissions.object().getJsonObject("permissions").getJsonArray("read")));
    }

    @Test
    void recordsNeedAnExistingCollection() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        for (Http.Response response : List.of(
                alice.get("/buckets/" + b + "/collections/nope/records"),
                alice.send("PUT", "/buckets/" + b + "/collections/nope/records/r1", "{}"),
                bob.send("PUT", "/buckets/" + b + "/collections/nope/records/r1", "{}"))) {
            assertError(response, 404, 111);
            JsonObject details = response.object().getJsonObject("details");
            assertEquals("nope", details.getString("id"));
            assertEquals("collection", details.getString("resource_name"));
        }
    }

    @Test
    void deletingABucketDeletesEverythingInIt() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        alice.send("PUT", "/buckets/" + b + "/collections/" + c + "/records/r1", "{\"data\": {}}");
        alice.send("PUT", "/buckets/" + b + "/groups/g1", "{\"data\": {}}");
        alice.send("PATCH", "/buckets/" + b + "/collections/" + c, "{\"permissions\": {\"read\": [\"system.Everyone\"]}}");
        assertEquals(200, alice.send("DELETE", "/buckets/" + b, null).status());

        alice.send("PUT", "/buckets/" + b, "{}");
        assertError(alice.get("/buckets/" + b + "/collections/" + c + "/records"), 404, 111);
        assertEquals(0, alice.get("/buckets/" + b + "/collections").object().getJsonArray("data").size());
        assertEquals(0, alice.get("/buckets/" + b + "/groups").object().getJsonArray("data").size());
        Http.Response since = alice.get("/buckets/" + b + "/collections?_since=0");
        assertEquals(0, since.object().getJsonArray("data").size(), "children leave no tombstones");
        alice.send("PUT", "/buckets/" + b + "/collections/" + c, "{}");
        assertError(bob.get("/buckets/" + b + "/collections/" + c), 403, 121);
        assertEquals(0, alice.get("/buckets/" + b + "/collections/" + c + "/records").object().getJsonArray("data").size());
    }

    @Test
    void deletingACollectionDeletesItsRecords() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        alice.send("PUT", "/buckets/" + b + "/collections/" + c + "/records/r1", "{\"data\": {}}");
        alice.send("DELETE", "/buckets/" + b + "/collections/" + c, null);
        alice.send("PUT", "/buckets/" + b + "/collections/" + c, "{}");
        Http.Response records = alice.get("/buckets/" + b + "/collections/" + c + "/records?_since=0");
        assertEquals(0, records.object().getJsonArray("data").size());
    }

    @Test
    void pluralDeleteOfBucketsOnlyTouchesTheCallersBuckets() {
        String mine = unique("b");
        String theirs = unique("b");
        alice.send("PUT", "/buckets/" + mine, "{}");
        bob.send("PUT", "/buckets/" + theirs, "{}");
        Http.Response deleted = alice.send("DELETE", "/buckets", null);
        assertTrue(ids(deleted).contains(mine));
        assertFalse(ids(deleted).contains(theirs));
        assertEquals(200, bob.get("/buckets/" + theirs).status());
    }

    @Test
    void idsAreValidatedPerResource() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        assertInvalid(alice.send("PUT", "/buckets/bad!id", "{}"), "path", null);
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/groups/bad%20id", "{}"), "path", null);
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/collections/_c", "{}"), "path", null);
        assertInvalid(alice.send("POST", "/buckets", "{\"data\": {\"id\": \"no way\"}}"), "path", null);
        alice.send("PUT", "/buckets/" + b + "/collections/c", "{}");
        assertEquals(201, alice.send("PUT", "/buckets/" + b + "/collections/c/records/Any_id-1", "{}").status());
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/collections/c/records/r9", "{\"data\": {\"id\": \"other\"}}"),
                "body", "id");
    }

    @Test
    void groupMembershipGrantsTheGroupsPermissions() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        alice.send("PUT", "/buckets/" + b + "/groups/readers", "{\"data\": {\"members\": [\"" + userId(bob) + "\"]}}");
        assertError(bob.get("/buckets/" + b), 403, 121);
        alice.send("PATCH", "/buckets/" + b, "{\"permissions\": {\"read\": [\"/buckets/" + b + "/groups/readers\"]}}");
        Http.Response read = bob.get("/buckets/" + b);
        assertEquals(200, read.status());
        assertEquals(0, read.object().getJsonObject("permissions").size(), "readers do not see permissions");

        alice.send("PATCH", "/buckets/" + b + "/groups/readers", "{\"data\": {\"members\": [\"" + userId(carol) + "\"]}}");
        assertError(bob.get("/buckets/" + b), 403, 121);
        assertEquals(200, carol.get("/buckets/" + b).status());
        alice.send("DELETE", "/buckets/" + b + "/groups/readers", null);
        assertError(carol.get("/buckets/" + b), 403, 121);
    }

    @Test
    void groupMembersAreValidated() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/groups/g", "{\"data\": {\"members\": \"bob\"}}"),
                "body", "data.members");
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/groups/g", "{\"data\": {\"members\": [\"system.Everyone\"]}}"),
                "body", "data.members.0");
        alice.send("PUT", "/buckets/" + b + "/groups/g", "{\"data\": {\"members\": []}}");
        assertInvalid(alice.send("PATCH", "/buckets/" + b + "/groups/g", "{\"data\": {\"members\": 3}}"), "body", "members");
    }

    @Test
    void collectionCacheExpiresIsAnInteger() {
        String b = unique("b");
        alice.send("PUT", "/buckets/" + b, "{}");
        assertInvalid(alice.send("PUT", "/buckets/" + b + "/collections/c", "{\"data\": {\"cache_expires\": \"soon\"}}"),
                "body", "data.cache_expires");
        Http.Response created = alice.send("PUT", "/buckets/" + b + "/collections/c",
                "{\"data\": {\"cache_expires\": 60}, \"permissions\": {\"read\": [\"system.Everyone\"]}}");
        assertEquals(201, created.status());
        alice.send("PUT", "/buckets/" + b + "/collections/c/records/r", "{}");
        assertEquals("max-age=60", anonymous.get("/buckets/" + b + "/collections/c/records/r").header("Cache-Control"));
        assertNotNull(anonymous.get("/buckets/" + b + "/collections/c/records").header("Expires"));
        assertEquals("no-cache, no-store", alice.get("/buckets/" + b + "/collections/c/records").header("Cache-Control"));
    }

    @Test
    void cacheExpiresZeroForbidsCachingAndTheSettingIsAFloor() {
        Map<String, String> settings = settings();
        settings.put("kinto.record_cache_expires_seconds", "30");
        Http owner = new Http(JintoServer.url(settings)).as("alice", "secret");
        Http reader = new Http(JintoServer.url(settings));
        String b = unique("b");
        owner.send("PUT", "/buckets/" + b, "{\"permissions\": {\"read\": [\"system.Everyone\"]}}");
        owner.send("PUT", "/buckets/" + b + "/collections/never", "{\"data\": {\"cache_expires\": 0}}");
        owner.send("PUT", "/buckets/" + b + "/collections/lower", "{\"data\": {\"cache_expires\": 10}}");
        owner.send("PUT", "/buckets/" + b + "/collections/higher", "{\"data\": {\"cache_expires\": 60}}");

        assertEquals("max-age=30", reader.get("/buckets/" + b + "/collections/never/records").header("Cache-Control"));
        assertEquals("max-age=30", reader.get("/buckets/" + b + "/collections/lower/records").header("Cache-Control"));
        assertEquals("max-age=60", reader.get("/buckets/" + b + "/collections/higher/records").header("Cache-Control"));

        settings.put("kinto.record_cache_expires_seconds", "");
        settings.put("kinto.collection_cache_expires_seconds", "0");
        Http zeroOwner = new Http(JintoServer.url(settings)).as("alice", "secret");
        Http zeroReader = new Http(JintoServer.url(settings));
        zeroOwner.send("PUT", "/buckets/" + b, "{\"permissions\": {\"read\": [\"system.Everyone\"]}}");
        zeroOwner.send("PUT", "/buckets/" + b + "/collections/never", "{\"data\": {\"cache_expires\": 0}}");
        Http.Response records = zeroReader.get("/buckets/" + b + "/collections/never/records");
        assertEquals("max-age=0, must-revalidate, no-cache, no-store", records.header("Cache-Control"));
        assertEquals("no-cache", records.header("Pragma"));
        assertNotNull(records.header("Expires"));
        assertEquals("max-age=0, must-revalidate, no-cache, no-store",
                zeroReader.get("/buckets/" + b + "/collections/never").header("Cache-Control"));
    }
}

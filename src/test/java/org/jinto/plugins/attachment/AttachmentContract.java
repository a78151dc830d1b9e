package org.jinto.plugins.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.testing.AuthHeaders;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * kinto-attachment's API over HTTP, the same on every file store: upload, replace, delete, cascades, gzip, limits,
 * bad forms, permissions, and no file left behind by a failed request.
 */
abstract class AttachmentContract {

    static final String ALICE = AuthHeaders.basic("alice", "secret");
    static final String BOB = AuthHeaders.basic("bob", "secret");

    /** The files in the store, by location. */
    abstract List<String> storedFiles() throws IOException;

    abstract byte[] read(String location) throws IOException;

    /** The store's settings (base_path or aws.*), with base_url. */
    abstract Map<String, String> storeSettings();

    String url;
    Http alice;

    String server() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto_attachment kinto.plugins.history");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.attachment.folder", "{bucket_id}/{collection_id}");
        settings.put("kinto.attachment.max_request_bytes", "1000000");
        settings.put("kinto.attachment.resources.fennec.kept.keep_old_files", "true");
        settings.put("kinto.attachment.resources.fennec.zipped.gzipped", "true");
        settings.put("kinto.attachment.resources.fennec.small.max_size_bytes", "10");
        settings.putAll(storeSettings());
        return JintoServer.url(settings);
    }

    void setUp() {
        url = server();
        alice = new Http(url).as("alice", "secret");
        alice.send("PUT", "/buckets/fennec", null);
        for (String collection : List.of("fonts", "kept", "zipped", "small")) {
            alice.send("PUT", "/buckets/fennec/collections/" + collection, null);
        }
    }

    private String recordUrl(String collection, String id) {
        return url + "/buckets/fennec/collections/" + collection + "/records/" + id;
    }

    private HttpResponse<String> upload(String collection, String id, String filename, byte[] content) {
        return new Multipart().file("attachment", filename, "image/jpeg", content)
                .post(recordUrl(collection, id) + "/attachment", ALICE);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String location(JsonObject attachment, String baseUrl) {
        return attachment.getString("location").substring(baseUrl.length());
    }

    abstract String baseUrl();

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void uploadCreatesTheRecordWithTheFileMetadata() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] content = "--fake image--".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = new Multipart().file("attachment", "image.jpg", "image/jpeg", content)
                .field("data", "{\"family\": \"sans\"}").post(recordUrl("fonts", id) + "/attachment", ALICE);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject attachment = json(response);
        assertEquals("image.jpg", attachment.getString("filename"));
        assertEquals("image/jpeg", attachment.getString("mimetype"));
        assertEquals(content.length, attachment.getInt("size"));
        assertEquals(sha256(content), attachment.getString("hash"));
        String location = location(attachment, baseUrl());
        assertTrue(location.startsWith("fennec/fonts/") && location.endsWith(".jpg"), location);
        assertArrayEquals(content, read(location));
        // Absolute, as WebOb makes Kinto's.
        assertEquals(url + "/buckets/fennec/collections/fonts/records/" + id,
                response.headers().firstValue("Location").orElseThrow());

        JsonObject record = alice.get("/buckets/fennec/collections/fonts/records/" + id).object();
        assertEquals(attachment, record.getJsonObject("data").getJsonObject("attachment"));
        assertEquals("sans", record.getJsonObject("data").getString("family"));
        assertEquals(1, record.getJsonObject("permissions").getJsonArray("write").size());
        // The record change is in the history, as any write of the record.
        assertTrue(alice.get("/buckets/fennec/history?record_id=" + id).object().getJsonArray("data").size() > 0);
    }

    @Test
    void replacingTheFileDeletesTheOldOneUnlessKept() throws Exception {
        for (String collection : List.of("fonts", "kept")) {
            String id = UUID.randomUUID().toString();
            String first = location(json(upload(collection, id, "a.png", new byte[]{1, 2, 3})), baseUrl());
            HttpResponse<String> second = upload(collection, id, "b.png", new byte[]{4, 5});
            assertEquals(200, second.statusCode(), second.body());
            String replaced = location(json(second), baseUrl());
            assertTrue(storedFiles().contains(replaced));
            assertEquals(collection.equals("kept"), storedFiles().contains(first), collection);
        }
    }

    @Test
    void deletingTheAttachmentRemovesFileAndField() throws Exception {
        String id = UUID.randomUUID().toString();
        String location = location(json(upload("fonts", id, "a.png", new byte[]{1})), baseUrl());
        Http.Response deleted = alice.send("DELETE", "/buckets/fennec/collections/fonts/records/" + id
                + "/attachment", null);
        assertEquals(204, deleted.status(), deleted.body());
        assertFalse(storedFiles().contains(location));
        JsonObject data = alice.get("/buckets/fennec/collections/fonts/records/" + id).object().getJsonObject("data");
        assertTrue(data.isNull("attachment"));
    }

    @Test
    void attachmentsAreDeletedInABatch() throws Exception {
        String id = UUID.randomUUID().toString();
        String file = location(json(upload("fonts", id, "a.png", new byte[]{2})), baseUrl());
        String record = "/buckets/fennec/collections/fonts/records/" + id;
        Http.Response batch = alice.send("POST", "/batch", "{\"requests\": [{\"method\": \"DELETE\", \"path\": \""
                + record + "/attachment\"}]}");
        assertEquals(200, batch.status(), batch.body());
        assertEquals(204, batch.object().getJsonArray("responses").getJsonObject(0).getInt("status"), batch.body());
        assertFalse(storedFiles().contains(file));
        assertTrue(alice.get(record).object().getJsonObject("data").isNull("attachment"));
    }

    @Test
    void deletingRecordCollectionOrBucketDeletesTheirFiles() throws Exception {
        alice.send("PUT", "/buckets/cascade", null);
        alice.send("PUT", "/buckets/cascade/collections/c", null);
        String base = url + "/buckets/cascade/collections/c/records/";
        List<String> locations = new java.util.ArrayList<>();
        for (String id : List.of("r1", "r2", "r3")) {
            locations.add(location(json(new Multipart().file("attachment", "f.txt", "text/plain", new byte[]{7})
                    .post(base + id + "/attachment", ALICE)), baseUrl()));
        }
        alice.send("DELETE", "/buckets/cascade/collections/c/records/r1", null);
        assertFalse(storedFiles().contains(locations.get(0)));
        assertTrue(storedFiles().contains(locations.get(1)));
        alice.send("DELETE", "/buckets/cascade/collections/c", null);
        assertFalse(storedFiles().contains(locations.get(1)));
        alice.send("PUT", "/buckets/cascade/collections/d", null);
        String last = location(json(new Multipart().file("attachment", "f.txt", "text/plain", new byte[]{7})
                .post(url + "/buckets/cascade/collections/d/records/r/attachment", ALICE)), baseUrl());
        alice.send("DELETE", "/buckets/cascade", null);
        assertFalse(storedFiles().contains(last));
    }

    @Test
    void gzippedCollectionStoresTheFileCompressedWithItsOriginalMetadata() throws Exception {
        byte[] content = "some text to compress".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = upload("zipped", UUID.randomUUID().toString(), "image.jpg", content);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject attachment = json(response);
        assertEquals("image.jpg.gz", attachment.getString("filename"));
        assertEquals("application/x-gzip", attachment.getString("mimetype"));
        JsonObject original = attachment.getJsonObject("original");
        assertEquals("image.jpg", original.getString("filename"));
        assertEquals("image/jpeg", original.getString("mimetype"));
        assertEquals(content.length, original.getInt("size"));
        assertEquals(sha256(content), original.getString("hash"));
        byte[] stored = read(location(attachment, baseUrl()));
        assertEquals(sha256(stored), attachment.getString("hash"));
        assertArrayEquals(content, new GZIPInputStream(new ByteArrayInputStream(stored)).readAllBytes());
    }

    @Test
    void tooLargeFilesAreRefusedAndNothingIsStored() throws Exception {
        List<String> before = storedFiles();
        String refusedId = UUID.randomUUID().toString();
        HttpResponse<String> tooLarge = upload("small", refusedId, "image.jpg", new byte[11]);
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        JsonObject error = json(tooLarge);
        assertEquals(107, error.getInt("errno"));
        assertTrue(error.getString("message").contains("exceeds the limit"), error.toString());
        assertEquals(201, upload("small", UUID.randomUUID().toString(), "image.jpg", new byte[10]).statusCode());

        HttpResponse<String> overServerLimit = upload("fonts", UUID.randomUUID().toString(), "image.jpg",
                new byte[2_000_000]);
        assertEquals(413, overServerLimit.statusCode(), overServerLimit.body());
        assertEquals(113, json(overServerLimit).getInt("errno"));
        assertEquals(before.size() + 1, storedFiles().size());
        assertEquals(404, alice.get("/buckets/fennec/collections/small/records/" + refusedId).status());
    }

    @Test
    void badFormsGetKintoAttachmentsErrors() throws Exception {
        String target = recordUrl("fonts", "bad") + "/attachment";
        HttpResponse<String> notMultipart = Multipart.send(target, ALICE, "application/json", "{}".getBytes());
        assertEquals(400, notMultipart.statusCode());
        assertEquals("Content-Type should be multipart/form-data", json(notMultipart).getString("message"));
        HttpResponse<String> noBoundary = Multipart.send(target, ALICE, "multipart/form-data", new byte[0]);
        assertEquals("Invalid boundary in multipart form: ''", json(noBoundary).getString("message"));
        assertEquals(107, json(noBoundary).getInt("errno"));
        HttpResponse<String> truncated = Multipart.send(target, ALICE, "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.txt\"\r\n\r\nabc"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, truncated.statusCode(), truncated.body());

        HttpResponse<String> missing = new Multipart().file("fichierjoint", "image.jpg", null, new byte[]{1})
                .post(target, ALICE);
        assertEquals("Attachment missing.", json(missing).getString("message"));
        assertEquals(109, json(missing).getInt("errno"));
        HttpResponse<String> exe = new Multipart().file("attachment", "virus.exe", null, new byte[]{1})
                .post(target, ALICE);
        assertEquals("body: File extension is not allowed.", json(exe).getString("message"));
        HttpResponse<String> noName = new Multipart().field("attachment", "abc").post(target, ALICE);
        assertEquals("body: Filename is required.", json(noName).getString("message"));
        HttpResponse<String> badJson = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .field("data", "{>author: 12}").post(target, ALICE);
        assertTrue(json(badJson).getString("message").startsWith("body: data is not valid JSON"), badJson.body());
        HttpResponse<String> unknown = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .field("my_field", "a").post(target, ALICE);
        assertEquals("body: 'my_field' not in ('data', 'permissions')", json(unknown).getString("message"));
        HttpResponse<String> dataAsFile = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .file("data", "data", null, "{}".getBytes()).post(target, ALICE);
        assertEquals("body: 'data' field should be passed as form data, not files",
                json(dataAsFile).getString("message"));
        assertFalse(storedFiles().stream().anyMatch(location -> location.endsWith(".png")
                && location.startsWith("fennec/fonts/") && !alice.get("/buckets/fennec/collections/fonts/records")
                .body().contains(location)));
    }

    @Test
    void permissionIsCheckedBeforeAnythingIsStored() throws Exception {
        int before = storedFiles().size();
        HttpResponse<String> anonymous = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .post(recordUrl("fonts", "anon") + "/attachment", null);
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> bob = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .post(recordUrl("fonts", "bob") + "/attachment", BOB);
        assertEquals(403, bob.statusCode());
        String id = UUID.randomUUID().toString();
        upload("fonts", id, "a.png", new byte[]{1});
        HttpResponse<String> replaceByBob = new Multipart().file("attachment", "b.png", null, new byte[]{1})
                .post(recordUrl("fonts", id) + "/attachment", BOB);
        assertEquals(403, replaceByBob.statusCode());
        assertEquals(before + 1, storedFiles().size());
    }

    @Test
    void aFailedRecordWriteLeavesNoFile() throws Exception {
        List<String> before = storedFiles();
        HttpResponse<String> refused = new Multipart().file("attachment", "a.png", null, new byte[]{1})
                .field("permissions", "{\"read\": \"not-a-list\"}").post(recordUrl("fonts", "r") + "/attachment",
                        ALICE);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(before, storedFiles());
        assertEquals(404, alice.get("/buckets/fennec/collections/fonts/records/r").status());
    }

    @Test
    void attachmentMetadataCannotBeChangedByHand() {
        String id = UUID.randomUUID().toString();
        upload("fonts", id, "a.png", new byte[]{1});
        Http.Response patched = alice.send("PATCH", "/buckets/fennec/collections/fonts/records/" + id,
                "{\"data\": {\"attachment\": {\"manual\": \"true\"}}}");
        assertEquals(400, patched.status());
        assertTrue(patched.object().getString("message").contains("Attachment metadata cannot be modified"));
    }

    @Test
    void capabilityAndMethods() {
        JsonObject capability = new Http(url).get("/").object().getJsonObject("capabilities")
                .getJsonObject("attachments");
        assertEquals(baseUrl(), capability.getString("base_url"));
        assertEquals(405, alice.get("/buckets/fennec/collections/fonts/records/x/attachment").status());
        assertEquals("true", new Http(url).get("/__heartbeat__").object().get("attachments").toString());
    }
}

package org.jinto.plugins.attachment;

import jakarta.json.Json;
import org.jinto.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attachment API on the local folder store. */
class LocalAttachmentIT extends AttachmentContract {

    private static final Path FOLDER = folder();

    private static Path folder() {
        try {
            return Files.createTempDirectory("jinto-attachments");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() {
        setUp();
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of("kinto.attachment.base_path", FOLDER.toString(),
                "kinto.attachment.base_url", baseUrl());
    }

    @Override
    String baseUrl() {
        return "https://files.example.org/attachments/";
    }

    @Test
    void filesAreServedToTheirRecordsReaders() {
        String id = java.util.UUID.randomUUID().toString();
        byte[] content = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String location = Json.createReader(new java.io.StringReader(new Multipart()
                .file("attachment", "a.txt", "text/plain", content)
                .post(url + "/buckets/fennec/collections/fonts/records/" + id + "/attachment", ALICE).body()))
                .readObject().getString("location").substring(baseUrl().length());
        Http.Response own = alice.get("/attachments/" + location);
        assertEquals(200, own.status());
        assertEquals("hello", own.body());
        assertEquals("text/plain", own.header("Content-Type"));
        assertEquals(401, new Http(url).get("/attachments/" + location).status());
        assertEquals(403, new Http(url).as("bob", "secret").get("/attachments/" + location).status());
        assertEquals(404, alice.get("/attachments/fennec/fonts/unknown.txt").status());
        // An encoded path outside the folder: refused (by Tomcat, 400, or by the store, 404).
        assertNotEquals(200, alice.get("/attachments/..%2F..%2Fetc%2Fpasswd").status());
    }

    @Test
    void aFileThatCannotBeStoredLeavesTheRecordUnchanged() throws IOException {
        Map<String, String> settings = org.jinto.testing.JintoServer.defaults();
        settings.put("kinto.includes", "kinto_attachment");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        // A regular file where the folder should be: nothing can be stored below it.
        settings.put("kinto.attachment.base_path", Files.createTempFile("not-a-folder", ".txt").toString());
        String broken = org.jinto.testing.JintoServer.url(settings);
        Http owner = new Http(broken).as("alice", "secret");
        owner.send("PUT", "/buckets/b", null);
        owner.send("PUT", "/buckets/b/collections/c", null);
        owner.send("PUT", "/buckets/b/collections/c/records/r", "{\"data\": {\"v\": 1}}");
        var refused = new Multipart().file("attachment", "a.txt", "text/plain", new byte[]{1})
                .post(broken + "/buckets/b/collections/c/records/r/attachment", ALICE);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        var record = owner.get("/buckets/b/collections/c/records/r").object().getJsonObject("data");
        assertEquals(1, record.getInt("v"));
        assertFalse(record.containsKey("attachment"));
        assertEquals(503, new Http(broken).get("/__heartbeat__").status());
    }

    /**
     * A batch rolled back (the test probe plugin refuses a change marked {@code explode}, on PostgreSQL, whose
     * transactions roll back): the attachment it deleted is still there, with its file.
     */
    @Test
    void aRolledBackBatchKeepsTheFilesItReleased() throws Exception {
        Path plugins = Files.createTempDirectory("jinto-plugins");
        org.jinto.testing.PluginBuild.build(org.jinto.testing.PluginBuild.projectDirectory(
                "src/test/plugins/event-probe"), plugins.resolve("probe.jar"));
        Map<String, String> settings = org.jinto.testing.JintoServer.postgresql();
        settings.putAll(storeSettings());
        settings.put("kinto.plugins_dir", plugins.toString());
        settings.put("kinto.includes", "jinto.tests.probe kinto_attachment");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        String server = org.jinto.testing.JintoServer.url(settings);
        Http owner = new Http(server).as("alice", "secret");
        owner.send("PUT", "/buckets/rb", null);
        owner.send("PUT", "/buckets/rb/collections/c", null);
        String location = Json.createReader(new java.io.StringReader(new Multipart()
                .file("attachment", "a.txt", "text/plain", new byte[]{1})
                .post(server + "/buckets/rb/collections/c/records/r/attachment", ALICE).body()))
                .readObject().getString("location").substring(baseUrl().length());
        Http.Response failed = owner.send("POST", "/batch", """
                {"requests": [{"method": "DELETE", "path": "/buckets/rb/collections/c/records/r/attachment"},
                              {"method": "PUT", "path": "/buckets/rb/collections/c/records/bad",
                               "body": {"data": {"explode": true}}}]}""");
        assertEquals(500, failed.status(), failed.body());
        assertTrue(storedFiles().contains(location));
        assertEquals(location, owner.get("/buckets/rb/collections/c/records/r").object().getJsonObject("data")
                .getJsonObject("attachment").getString("location").substring(baseUrl().length()));
    }

    @Override
    List<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(Files::isRegularFile).map(file -> FOLDER.relativize(file).toString()).sorted()
                    .toList();
        }
    }

    @Override
    byte[] read(String location) throws IOException {
        return Files.readAllBytes(FOLDER.resolve(location));
    }
}

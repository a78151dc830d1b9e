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
        assertEquals(404, alice.get("/attachments/..%2F..%2Fetc%2Fpasswd").status());
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

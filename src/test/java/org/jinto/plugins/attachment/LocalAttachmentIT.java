package org.jinto.plugins.attachment;

import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Kinto's {@code config_attributes()}, the {@code config} entry of {@code GET /v1/}: the settings file's path,
 * SHA-256 and modification time (local, Python's {@code isoformat}), so operators can tell which configuration
 * a server runs; null without a settings file.
 */
final class ConfigAttributes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private ConfigAttributes() {
    }

    static JsonValue of(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return JsonValue.NULL;
        }
        try {
            LocalDateTime modified = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                    ZoneId.systemDefault()).truncatedTo(ChronoUnit.MICROS);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return JSON.createObjectBuilder()
                    .add("path", file.toString())
                    .add("hash", HexFormat.of().formatHex(hash))
                    .add("modified", (modified.getNano() == 0 ? SECONDS : MICROSECONDS).format(modified))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

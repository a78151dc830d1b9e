package org.jinto.plugins.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files in the folder {@code kinto.attachment.base_path} (pyramid_storage's local storage). */
@ApplicationScoped
@BackendName("local")
public class LocalFileStore implements FileStore {

    @Inject
    Settings settings;

    @Override
    public void save(String location, Path file, String contentType) throws IOException {
        Path target = path(location);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String location) throws IOException {
        Files.deleteIfExists(path(location));
    }

    @Override
    public boolean exists(String location) {
        return Files.isRegularFile(path(location));
    }

    /** The file of a location, refused if it would lie outside the base folder. */
    Path path(String location) {
        Path base = basePath();
        Path resolved = base.resolve(location).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("Not a location below the base path: " + location);
        }
        return resolved;
    }

    private Path basePath() {
        return Path.of(AttachmentSettings.from(settings).get("base_path").orElseThrow(
                () -> new IllegalStateException("Setting kinto.attachment.base_path is required"))).toAbsolutePath()
                .normalize();
    }
}

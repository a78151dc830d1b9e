package org.jinto.tests.cacheprobe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cache backend from a plugin ({@code kinto.cache_backend = kinto_probe.cache}) that holds nothing and writes
 * {@code flushed} into the file {@code kinto.cache_probe_file} when flushed: proof that a command reached it.
 */
@ApplicationScoped
@BackendName("probe")
public class ProbeCache implements Cache {

    private final Path flushed;

    /** For the CDI proxy. */
    protected ProbeCache() {
        flushed = null;
    }

    @Inject
    public ProbeCache(Settings settings) {
        flushed = Path.of(settings.get("kinto.cache_probe_file", "flushed.txt"));
    }

    @Override
    public String get(String key) {
        return null;
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
    }

    @Override
    public String delete(String key) {
        return null;
    }

    @Override
    public void expire(String key, long ttlSeconds) {
    }

    @Override
    public long ttl(String key) {
        return -1;
    }

    @Override
    public void flush() {
        try {
            Files.writeString(flushed, "flushed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void ping() {
    }
}

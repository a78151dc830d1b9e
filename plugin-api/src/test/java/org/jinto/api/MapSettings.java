package org.jinto.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings read from a map as the server reads its INI file (without the environment and Kinto's defaults): a
 * {@code kinto.} key is also found without its prefix, values typed by {@link Settings}' own readings
 * (Kinto's {@code asbool}, {@code aslist}, integers).
 * Plugins' unit tests configure the plugin through it (this module's test-jar).
 */
public record MapSettings(Map<String, String> values) implements Settings {

    private static final String PREFIX = "kinto.";

    @Override
    public Optional<String> get(String key) {
        if (key.startsWith(PREFIX)) {
            return Optional.ofNullable(values.getOrDefault(key, values.get(key.substring(PREFIX.length()))));
        }
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }
}

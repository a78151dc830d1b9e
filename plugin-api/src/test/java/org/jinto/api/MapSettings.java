package org.jinto.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings read from a map as the server reads its INI file (without the environment and Kinto's defaults): a
 * {@code kinto.} key is also found without its prefix, booleans are Kinto's {@code asbool}, lists split on
 * whitespace or commas, and a value that is not a boolean or an integer fails with {@link IllegalStateException}.
 * Plugins' unit tests configure the plugin through it (this module's test-jar).
 */
public record MapSettings(Map<String, String> values) implements Settings {

    private static final String PREFIX = "kinto.";
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,]+");

    @Override
    public Optional<String> get(String key) {
        if (key.startsWith(PREFIX)) {
            return Optional.ofNullable(values.getOrDefault(key, values.get(key.substring(PREFIX.length()))));
        }
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "y", "t" -> true;
            case "false", "no", "off", "0", "n", "f", "" -> false;
            default -> throw new IllegalStateException("Setting " + key + " must be a boolean, got '" + value + "'");
        }).orElse(defaultValue);
    }

    @Override
    public long getLong(String key, long defaultValue) {
        return get(key).map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Setting " + key + " must be an integer, got '" + value + "'");
            }
        }).orElse(defaultValue);
    }

    @Override
    public List<String> getList(String key) {
        return get(key).map(value -> Arrays.stream(LIST_SEPARATORS.split(value)).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }
}

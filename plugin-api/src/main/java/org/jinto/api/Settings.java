package org.jinto.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kinto-style settings: keys as written in an INI file ({@code kinto.backoff}, {@code multiauth.policies}),
 * each overridable from the environment. Values that parse as JSON are JSON-decoded.
 */
public interface Settings {

    /** Kinto's {@code aslist} separators. */
    Pattern LIST_SEPARATORS = Pattern.compile("[\\s,]+");

    /** The raw value of a key (after environment overrides), JSON strings unquoted. */
    Optional<String> get(String key);

    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * Kinto's {@code asbool}: true, yes, on, 1, y, t (case-insensitive) are true; false, no, off, 0, n, f and the
     * empty value false; anything else fails with {@link IllegalStateException} naming the key.
     */
    default boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "y", "t" -> true;
            case "false", "no", "off", "0", "n", "f", "" -> false;
            default -> throw new IllegalStateException("Setting " + key + " must be a boolean, got '" + value + "'");
        }).orElse(defaultValue);
    }

    /** The default when missing or blank; fails with {@link IllegalStateException} naming the key if not an integer. */
    default long getLong(String key, long defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " must be an integer, got '" + value.get() + "'");
        }
    }

    /** Whitespace (or comma) separated list, as Kinto's {@code aslist}. */
    default List<String> getList(String key) {
        return get(key).map(value -> Arrays.stream(LIST_SEPARATORS.split(value)).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Every key known from the INI file (environment-only keys are found through {@link #get}). */
    java.util.Set<String> keys();
}

package org.jinto.api;

import java.util.List;
import java.util.Optional;

/**
 * Kinto-style settings: keys as written in an INI file ({@code kinto.backoff}, {@code multiauth.policies}),
 * each overridable from the environment. Values that parse as JSON are JSON-decoded.
 */
public interface Settings {

    /** The raw value of a key (after environment overrides), JSON strings unquoted. */
    Optional<String> get(String key);

    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** Kinto's {@code asbool}: true, yes, on, 1 (case-insensitive) are true. */
    boolean getBoolean(String key, boolean defaultValue);

    /** Fails with {@link IllegalStateException} naming the key if the value is not an integer. */
    long getLong(String key, long defaultValue);

    /** Whitespace (or comma) separated list, as Kinto's {@code aslist}. */
    List<String> getList(String key);

    /** Every key known from the INI file (environment-only keys are found through {@link #get}). */
    java.util.Set<String> keys();
}

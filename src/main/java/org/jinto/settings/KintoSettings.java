package org.jinto.settings;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.jinto.api.Settings;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Settings from the {@code [app:main]} section of an INI file, each key overridable from the environment the way
 * Kinto does it: {@code kinto.backoff} is read from {@code KINTO_BACKOFF}, then {@code BACKOFF}, then the file
 * ({@code kinto.backoff} or {@code backoff}); {@code multiauth.policies} from {@code MULTIAUTH_POLICIES}.
 * Values that parse as JSON strings are unquoted ({@code "abc"} is abc); others are kept as written. A key set
 * nowhere has Kinto's default ({@link KintoDefaults}).
 */
public final class KintoSettings implements Settings {

    private static final String PREFIX = "kinto.";

    private final Map<String, String> file;
    private final Function<String, String> environment;

    public KintoSettings(Map<String, String> file, Function<String, String> environment) {
        this.file = Map.copyOf(file);
        this.environment = environment;
    }

    /**
     * Each key's value once looked up: the file and the process environment do not change while Jinto runs, and
     * filters read some settings on every request (a lookup builds two environment variable names).
     */
    private final Map<String, Optional<String>> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return values.computeIfAbsent(key, this::lookUp);
    }

    private Optional<String> lookUp(String key) {
        String unprefixed = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
        boolean kintoKey = key.startsWith(PREFIX) || !key.contains(".");
        List<String> candidates = kintoKey
                ? List.of(envName(PREFIX + unprefixed), envName(unprefixed))
                : List.of(envName(key));
        for (String name : candidates) {
            String value = environment.apply(name);
            if (value != null) {
                return Optional.of(decode(value));
            }
        }
        String value = kintoKey ? file.getOrDefault(PREFIX + unprefixed, file.get(unprefixed)) : file.get(key);
        if (value == null) {
            return kintoKey ? KintoDefaults.of(PREFIX + unprefixed) : Optional.empty();
        }
        return Optional.of(decode(value));
    }

    @Override
    public Set<String> keys() {
        return file.keySet();
    }

    static String envName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Kinto's native_value for strings: a JSON string is unquoted, anything else stays as written. */
    static String decode(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("\"")) {
            return trimmed;
        }
        try (var reader = JSON.createReader(new StringReader(trimmed))) {
            JsonValue parsed = reader.readValue();
            return parsed instanceof JsonString s ? s.getString() : trimmed;
        } catch (JsonParsingException e) {
            return trimmed;
        }
    }
}

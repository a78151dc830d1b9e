package org.jinto.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Kinto 25's code defaults ({@code DEFAULT_SETTINGS} of {@code kinto/__init__.py}, which overrides
 * {@code kinto/core/__init__.py}'s) for the settings whose absence would otherwise behave differently in Jinto:
 * a {@code kinto.ini} that does not set them must behave as it does with Kinto. Settings read with a default at
 * their call site use Kinto's value there; unset settings are absent, as Kinto's {@code None} and {@code ""}.
 */
final class KintoDefaults {

    private static final Map<String, String> VALUES = Map.of(
            "kinto.bucket_create_principals", "system.Authenticated",
            "kinto.permissions_read_principals", "system.Everyone",
            "kinto.retry_after_seconds", "3",
            "kinto.pagination_token_validity_seconds", "600",
            // Kinto's prometheus plugin prefixes its metrics with project_name ("kinto") unless prometheus_prefix is set.
            "kinto.prometheus_prefix", "kinto");

    private KintoDefaults() {
    }

    /** The default of a {@code kinto.}-prefixed key, if Kinto has one. */
    static Optional<String> of(String prefixedKey) {
        return Optional.ofNullable(VALUES.get(prefixedKey));
    }
}

package org.jinto.resource;

import org.jinto.api.Settings;

import java.time.Instant;

/**
 * Kinto's cache headers on reads ({@code Resource._add_cache_header}): an anonymous read of something with an
 * expiry gets {@code Cache-Control: max-age} and {@code Expires}, every other read {@code no-cache, no-store}.
 */
public final class CacheHeaders {

    private CacheHeaders() {
    }

    /** The {@code kinto.<resource>_cache_expires_seconds} setting, or null when unset. */
    public static Long expiresSetting(Settings settings, String resourceName) {
        return settings.get("kinto." + resourceName + "_cache_expires_seconds")
                .filter(s -> !s.isBlank()).map(s -> Long.valueOf(s.strip())).orElse(null);
    }

    /** @param expires seconds an anonymous reader may cache the answer, null for none (and for authenticated reads) */
    static void apply(ApiResponse response, Long expires) {
        if (expires == null) {
            response.header("Cache-Control", "no-cache, no-store");
        } else {
            response.header("Cache-Control", "max-age=" + expires);
            response.header("Expires", Preconditions.TimestampHeaders.of(Instant.now().plusSeconds(expires).toEpochMilli())
                    .get("Last-Modified"));
        }
    }
}

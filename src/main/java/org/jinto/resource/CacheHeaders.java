package org.jinto.resource;

import org.jinto.api.Settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kinto's cache headers on reads ({@code Resource._add_cache_header}): an anonymous read of something with an
 * expiry gets WebOb's {@code cache_expires} headers, every other read {@code no-cache, no-store}.
 */
public final class CacheHeaders {

    private CacheHeaders() {
    }

    /** The {@code kinto.<resource>_cache_expires_seconds} setting, or null when unset. */
    public static Long expiresSetting(Settings settings, String resourceName) {
        return seconds(settings, "kinto." + resourceName + "_cache_expires_seconds");
    }

    /** A setting in seconds, or null when unset or blank. */
    public static Long seconds(Settings settings, String key) {
        return settings.get(key).filter(s -> !s.isBlank()).map(s -> Long.valueOf(s.strip())).orElse(null);
    }

    /**
     * WebOb's {@code Response.cache_expires(seconds)}, which Kinto uses: {@code max-age} and {@code Expires} that
     * far ahead, or for 0 every directive that forbids caching, {@code Expires} now and {@code Pragma: no-cache}.
     */
    public static Map<String, String> expiring(long seconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (seconds == 0) {
            headers.put("Cache-Control", "max-age=0, must-revalidate, no-cache, no-store");
            headers.put("Pragma", "no-cache");
        } else {
            headers.put("Cache-Control", "max-age=" + seconds);
        }
        headers.put("Expires", Preconditions.TimestampHeaders.of(Instant.now().plusSeconds(seconds).toEpochMilli())
                .get("Last-Modified"));
        return headers;
    }

    /** @param expires seconds an anonymous reader may cache the answer, null for none (and for authenticated reads) */
    static void apply(ApiResponse response, Long expires) {
        if (expires == null) {
            response.header("Cache-Control", "no-cache, no-store");
        } else {
            expiring(expires).forEach(response::header);
        }
    }
}

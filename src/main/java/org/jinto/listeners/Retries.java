package org.jinto.listeners;

import org.jinto.api.Settings;

import java.time.Duration;

/**
 * How a listener's failed deliveries are retried, from its settings: the first retry after {@code .backoff_ms}
 * (default 1000), each wait doubled up to {@code .max_backoff_ms} (default 300000). Delivered from memory, an event
 * gets {@code .max_attempts} attempts (default 5); from the PostgreSQL outbox it is retried until delivered or
 * older than {@code .retention_seconds} (default 604800, a week), then dropped and logged.
 */
record Retries(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration retention) {

    static Retries from(Settings settings, String prefix) {
        long maxAttempts = settings.getLong(prefix + "max_attempts", 5);
        if (maxAttempts < 1) {
            throw new IllegalStateException("Setting " + prefix + "max_attempts must be at least 1, got " + maxAttempts);
        }
        return new Retries((int) maxAttempts, Duration.ofMillis(settings.getLong(prefix + "backoff_ms", 1000)),
                Duration.ofMillis(settings.getLong(prefix + "max_backoff_ms", 300_000)),
                Duration.ofSeconds(settings.getLong(prefix + "retention_seconds", 604_800)));
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration backoff(int failures) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(failures - 1, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

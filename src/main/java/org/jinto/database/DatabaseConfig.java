package org.jinto.database;

import org.jinto.api.Settings;

import java.util.function.Supplier;

/**
 * How to reach and pool one database, from Kinto's settings for a backend ({@code storage} or {@code permission}):
 * {@code kinto.<backend>_url}, {@code _pool_size} (25), {@code _max_overflow} (5), {@code _pool_timeout} (30 s),
 * {@code _pool_recycle} (-1: the pool's default lifetime) and {@code _migrate} (true: apply schema migrations at
 * startup; false: only check that the schema is up to date).
 */
public record DatabaseConfig(String url, int poolSize, int maxOverflow, long poolTimeoutSeconds,
                             long poolRecycleSeconds, boolean migrate) {

    /**
     * @param fallbackUrl asked when {@code kinto.<backend>_url} is unset (the launcher's embedded PostgreSQL); may
     *                    answer null
     */
    public static DatabaseConfig from(Settings settings, String backend, Supplier<String> fallbackUrl) {
        String prefix = "kinto." + backend + "_";
        String url = settings.get(prefix + "url").filter(u -> !u.isBlank()).orElseGet(fallbackUrl);
        if (url == null) {
            throw new IllegalStateException("Setting " + prefix + "url is not set: give the PostgreSQL database as "
                    + "postgresql://user:pass@host:port/db, a JDBC URL, or a JNDI DataSource name java:...");
        }
        return new DatabaseConfig(url,
                (int) positive(settings, prefix + "pool_size", 25),
                (int) Math.max(0, settings.getLong(prefix + "max_overflow", 5)),
                positive(settings, prefix + "pool_timeout", 30),
                settings.getLong(prefix + "pool_recycle", -1),
                settings.getBoolean(prefix + "migrate", true));
    }

    private static long positive(Settings settings, String key, long defaultValue) {
        long value = settings.getLong(key, defaultValue);
        if (value <= 0) {
            throw new IllegalStateException("Setting " + key + " must be a positive integer, got " + value);
        }
        return value;
    }
}

package org.jinto.cli;

import org.flywaydb.core.api.FlywayException;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.backend.BackendSelector;
import org.jinto.backend.Backends;
import org.jinto.cache.redis.RedisCache;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.storage.postgresql.PostgresqlStorage;
import org.jinto.storage.postgresql.TombstonePurge;
import org.jinto.database.Database;
import org.jinto.database.Databases;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The backends the settings name ({@code kinto.storage_backend}, {@code permission_backend}, {@code cache_backend},
 * short or Kinto's dotted names, as the server reads them), opened for one command. Only backends living outside
 * the server process (PostgreSQL, Redis) can be reached: a memory backend is each server's own. Nothing connects
 * before it is asked for; {@link #close} releases what was opened.
 */
final class CommandBackends implements AutoCloseable {

    private static final String POSTGRESQL = "postgresql";
    private static final String MEMORY = Backends.DEFAULT_BACKEND;
    private static final String REDIS = "redis";

    private final Settings settings;
    private final Databases databases;
    private RedisCache redis;

    CommandBackends(Settings settings, Supplier<?> embeddedDatabase) {
        this.settings = settings;
        this.databases = new Databases(settings, embeddedDatabase);
    }

    Settings settings() {
        return settings;
    }

    /**
     * The PostgreSQL database of {@code kind} ({@code storage} or {@code permission}) with its schema as it is;
     * empty when that backend is {@code memory}.
     */
    Optional<Database> postgresql(String kind) {
        if (backendName(kind, POSTGRESQL).equals(MEMORY)) {
            return Optional.empty();
        }
        return Optional.of(databases.connect(kind));
    }

    PostgresqlStorage storage() {
        return new PostgresqlStorage(currentSchema("storage"), settings);
    }

    PostgresqlPermission permission() {
        return new PostgresqlPermission(currentSchema("permission"));
    }

    TombstonePurge tombstonePurge() {
        return new TombstonePurge(currentSchema("storage"));
    }

    /** The Redis cache; empty when the cache is {@code memory}. */
    Optional<Cache> cache() {
        if (backendName("cache", REDIS).equals(MEMORY)) {
            return Optional.empty();
        }
        if (redis == null) {
            redis = new RedisCache(settings);
        }
        return Optional.of(redis);
    }

    /** The database of {@code kind}, which must be PostgreSQL with its schema up to date. */
    private Database currentSchema(String kind) {
        Database database = postgresql(kind).orElseThrow(() -> new IllegalStateException(key(kind) + " = memory: "
                + "the memory " + kind + " lives inside each server process, a command cannot reach it"));
        try {
            database.migrate(kind, false);
        } catch (FlywayException e) {
            throw new IllegalStateException("The " + kind + " schema of " + database
                    + " is not up to date: run the migrate command first (" + e.getMessage().strip() + ")", e);
        }
        return database;
    }

    /** The configured backend's short name: {@code memory} or {@code persistent}, anything else refused. */
    private String backendName(String kind, String persistent) {
        String configured = settings.get(key(kind), MEMORY).strip();
        String name = BackendSelector.shortName(configured);
        if (!name.equals(MEMORY) && !name.equals(persistent)) {
            throw new IllegalStateException("Setting " + key(kind) + " = '" + configured
                    + "' names no known backend; valid values: " + MEMORY + ", " + persistent);
        }
        return name;
    }

    private static String key(String kind) {
        return "kinto." + kind + "_backend";
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        databases.close();
    }
}

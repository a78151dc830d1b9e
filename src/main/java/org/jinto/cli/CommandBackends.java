package org.jinto.cli;

import org.flywaydb.core.api.FlywayException;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.backend.BackendSelector;
import org.jinto.backend.Backends;
import org.jinto.database.Database;
import org.jinto.database.Databases;
import org.jinto.storage.postgresql.TombstonePurge;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The backends the settings name ({@code kinto.storage_backend}, {@code permission_backend}, {@code cache_backend},
 * short or Kinto's dotted names), selected for one command as the server selects them: {@link BackendSelector}
 * among the {@code @BackendName} beans of the {@link CommandContainer}, so that a plugin's backend is reachable.
 * Only backends living outside the server process can be reached: a memory backend is each server's own. Nothing
 * connects before it is asked for; {@link #close} releases what was opened.
 */
final class CommandBackends implements AutoCloseable {

    private static final String POSTGRESQL = "postgresql";
    private static final String MEMORY = Backends.DEFAULT_BACKEND;

    private final Settings settings;
    private final Databases databases;
    private CommandContainer container;

    CommandBackends(Settings settings, Supplier<?> embeddedDatabase) {
        this.settings = settings;
        this.databases = new Databases(settings, embeddedDatabase);
    }

    Settings settings() {
        return settings;
    }

    /** The selected backend's name for {@code kind} ({@code storage} or {@code permission}). */
    String backendName(String kind) {
        return name(kind, kind.equals("storage") ? Storage.class : PermissionBackend.class);
    }

    /**
     * The PostgreSQL database of {@code kind} ({@code storage} or {@code permission}) with its schema as it is;
     * empty when that backend is not {@code postgresql}.
     */
    Optional<Database> postgresql(String kind) {
        return backendName(kind).equals(POSTGRESQL) ? Optional.of(databases.connect(kind)) : Optional.empty();
    }

    Storage storage() {
        return reachable("storage", Storage.class);
    }

    PermissionBackend permission() {
        return reachable("permission", PermissionBackend.class);
    }

    /** Tombstone purging is SQL on the PostgreSQL storage. */
    TombstonePurge tombstonePurge() {
        String name = backendName("storage");
        if (!name.equals(POSTGRESQL)) {
            throw new IllegalStateException(key("storage") + " = " + name + ": "
                    + (name.equals(MEMORY) ? outOfReach("storage") : "purge-deleted works on the postgresql storage"));
        }
        return new TombstonePurge(currentSchema("storage"));
    }

    /** The selected cache; empty when the cache is {@code memory}. */
    Optional<Cache> cache() {
        String name = name("cache", Cache.class);
        return name.equals(MEMORY) ? Optional.empty() : Optional.of(select("cache", Cache.class));
    }

    /** The selected backend of {@code kind}, its schema checked first when it is {@code postgresql}. */
    private <T> T reachable(String kind, Class<T> type) {
        String name = name(kind, type);
        if (name.equals(MEMORY)) {
            throw new IllegalStateException(key(kind) + " = memory: " + outOfReach(kind));
        }
        if (name.equals(POSTGRESQL)) {
            currentSchema(kind);
        }
        return select(kind, type);
    }

    private static String outOfReach(String kind) {
        return "the memory " + kind + " lives inside each server process, a command cannot reach it";
    }

    /** The database of {@code kind}, which must have its schema up to date. */
    private Database currentSchema(String kind) {
        Database database = databases.connect(kind);
        try {
            database.migrate(kind, false);
        } catch (FlywayException e) {
            throw new IllegalStateException("The " + kind + " schema of " + database
                    + " is not up to date: run the migrate command first (" + e.getMessage().strip() + ")", e);
        }
        return database;
    }

    private <T> T select(String kind, Class<T> type) {
        CommandContainer beans = container();
        return BackendSelector.select(beans.all(type), beans.beanManager(), type, settings, key(kind), MEMORY);
    }

    private String name(String kind, Class<?> type) {
        return BackendSelector.name(container().beanManager(), type, settings, key(kind), MEMORY);
    }

    private CommandContainer container() {
        if (container == null) {
            container = CommandContainer.start(settings, databases);
        }
        return container;
    }

    private static String key(String kind) {
        return "kinto." + kind + "_backend";
    }

    @Override
    public void close() {
        if (container != null) {
            container.close();
        }
        databases.close();
    }
}

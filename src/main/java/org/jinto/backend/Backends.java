package org.jinto.backend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.reads.BackendReads;
import org.jinto.reads.Reads;
import org.jinto.storage.postgresql.PostgresqlStorage;
import org.jinto.storage.postgresql.SharedDatabaseReads;

/**
 * Produces the storage, permission and cache backends that the settings name
 * ({@code kinto.storage_backend}, {@code kinto.permission_backend}, {@code kinto.cache_backend}), and resolves
 * them at startup so that a bad name stops the application instead of failing its first request.
 */
@ApplicationScoped
public class Backends {

    public static final String STORAGE_KEY = "kinto.storage_backend";
    public static final String PERMISSION_KEY = "kinto.permission_backend";
    public static final String CACHE_KEY = "kinto.cache_backend";
    public static final String DEFAULT_BACKEND = "memory";

    @Inject
    Settings settings;
    @Inject
    BeanManager beanManager;

    @Produces
    @ApplicationScoped
    Storage storage(@Any Instance<Storage> all) {
        return BackendSelector.select(all, beanManager, Storage.class, settings, STORAGE_KEY, DEFAULT_BACKEND);
    }

    @Produces
    @ApplicationScoped
    PermissionBackend permission(@Any Instance<PermissionBackend> all) {
        return BackendSelector.select(all, beanManager, PermissionBackend.class, settings, PERMISSION_KEY, DEFAULT_BACKEND);
    }

    @Produces
    @ApplicationScoped
    Cache cache(@Any Instance<Cache> all) {
        return BackendSelector.select(all, beanManager, Cache.class, settings, CACHE_KEY, DEFAULT_BACKEND);
    }

    /**
     * The read-ahead of read requests: one statement when storage and permissions are PostgreSQL on one database,
     * else the backends' own calls.
     */
    @Produces
    @ApplicationScoped
    Reads reads(@Any Instance<Storage> storages, @Any Instance<PermissionBackend> permissions) {
        Storage storage = storage(storages);
        PermissionBackend permission = permission(permissions);
        if (storage instanceof PostgresqlStorage postgresql && permission instanceof PostgresqlPermission acl
                && postgresql.database() == acl.database()) {
            return new SharedDatabaseReads(postgresql.database());
        }
        return new BackendReads(storage, permission);
    }

    /** Fails deployment on a bad backend name: touching each proxy creates the selected bean. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event,
                           Storage storage, PermissionBackend permission, Cache cache) {
        storage.toString();
        permission.toString();
        cache.toString();
    }
}

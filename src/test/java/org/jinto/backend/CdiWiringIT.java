package org.jinto.backend;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.auth.AccountCredentialsCache;
import org.jinto.settings.KintoSettings;
import org.jinto.testing.CdiDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CDI wiring that the HTTP tests only see through its effects, checked inside a running web application: Weld
 * on embedded Tomcat with the settings file named by the {@code kinto.ini} context parameter. One deployment
 * serves every test here, because deploying costs far more than the tests (see {@link CdiDeployment}).
 * In this package to reach {@link BackendSelector#select}, which {@link Backends} applies to the settings.
 */
@ExtendWith(ArquillianExtension.class)
class CdiWiringIT {

    @Deployment
    static WebArchive deployment() {
        return CdiDeployment.create();
    }

    @Inject
    Settings settings;
    @Inject
    BeanManager beanManager;

    @Inject
    Storage storage;
    @Inject
    @BackendName("memory")
    Storage memoryStorage;
    @Inject
    @Any
    Instance<Storage> storages;

    @Inject
    PermissionBackend permission;
    @Inject
    @BackendName("memory")
    PermissionBackend memoryPermission;

    @Inject
    Cache cache;
    @Inject
    @BackendName("redis")
    Cache redisCache;
    @Inject
    @BackendName("memory")
    Cache memoryCache;
    @Inject
    @Any
    Instance<Cache> caches;

    @Inject
    Event<ResourceEvent> events;
    @Inject
    AccountCredentialsCache accountCredentials;

    @Test
    void settingsAreReadFromTheFileNamedByTheContextParameter() {
        assertEquals(CdiDeployment.PROJECT_NAME, settings.get("kinto.project_name").orElseThrow());
        assertTrue(settings.keys().contains(Backends.CACHE_KEY), settings.keys().toString());
    }

    /** Kinto's dotted names select the beans: what the default bean writes, the named bean holds. */
    @Test
    void defaultBackendsAreTheBeansTheSettingsName() {
        String key = "probe-" + System.nanoTime();
        cache.set(key, "through the default cache", 60);
        assertEquals("through the default cache", redisCache.get(key));
        assertNull(memoryCache.get(key));
        cache.delete(key);

        JsonObject bucket = Json.createObjectBuilder().add("id", "b-" + System.nanoTime()).build();
        storage.create("bucket", "", bucket);
        assertEquals(bucket.getString("id"), memoryStorage.get("bucket", "", bucket.getString("id")).getString("id"));

        permission.addPrincipalToAce("/buckets/wired", "write", "system.Everyone");
        assertEquals(Set.of("system.Everyone"), memoryPermission.getObjectPermissionPrincipals("/buckets/wired", "write"));
    }

    @Test
    void anUnknownBackendNameFailsNamingTheKeyAndTheValidNames() {
        IllegalStateException cacheError = assertThrows(IllegalStateException.class,
                () -> select(caches, Cache.class, Backends.CACHE_KEY, "memcached"));
        assertEquals("Setting kinto.cache_backend = 'memcached' names no known backend; valid values: memory, redis",
                cacheError.getMessage());
        IllegalStateException storageError = assertThrows(IllegalStateException.class,
                () -> select(storages, Storage.class, Backends.STORAGE_KEY, "kinto.core.storage.mongodb"));
        assertEquals("Setting kinto.storage_backend = 'kinto.core.storage.mongodb' names no known backend; valid values: memory",
                storageError.getMessage());
    }

    @Test
    void theSameSelectionPicksTheMemoryCacheByItsKintoName() {
        String key = "probe-" + System.nanoTime();
        select(caches, Cache.class, Backends.CACHE_KEY, "kinto.core.cache.memory").set(key, "memory", 60);
        assertEquals("memory", memoryCache.get(key));
        assertNull(redisCache.get(key));
    }

    /** The accounts plugin's observer, a bean of the deployment, forgets credentials on account changes. */
    @Test
    void resourceEventsReachTheObserversOfTheirType() {
        accountCredentials.remember("alice", "pw");
        accountCredentials.remember("bob", "pw");
        accountCredentials.remember("carol", "pw");

        events.fire(new ResourceChanged(accountPayload(Action.UPDATE, "alice"), List.of(changed("alice"))));
        events.fire(new AfterResourceChanged(accountPayload(Action.DELETE, "bob"), List.of(changed("bob"))));

        assertFalse(accountCredentials.recentlyVerified("alice", "pw"));
        assertFalse(accountCredentials.recentlyVerified("bob", "pw"));
        assertTrue(accountCredentials.recentlyVerified("carol", "pw"));
    }

    private <T> T select(Instance<T> candidates, Class<T> type, String key, String name) {
        Settings named = new KintoSettings(Map.of(key, name), variable -> null);
        return BackendSelector.select(candidates, beanManager, type, named, key, Backends.DEFAULT_BACKEND);
    }

    private static EventPayload accountPayload(Action action, String id) {
        return new EventPayload(1L, action, "/accounts/" + id, "account:" + id, "account", Map.of("id", id));
    }

    private static ImpactedObject changed(String id) {
        JsonObject account = Json.createObjectBuilder().add("id", id).add("password", "$2b$12$...").build();
        return new ImpactedObject(account, account);
    }
}

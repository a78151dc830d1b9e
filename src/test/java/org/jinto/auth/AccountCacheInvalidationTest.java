package org.jinto.auth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.cache.Cache;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.cache.memory.MemoryCache;
import org.jinto.settings.KintoSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountCacheInvalidationTest {

    private final Cache cache = new MemoryCache();
    private final AccountCredentialsCache credentials = new AccountCredentialsCache();
    private final AccountCacheInvalidation invalidation = new AccountCacheInvalidation();

    @BeforeEach
    void setUp() {
        credentials.settings = new KintoSettings(Map.of("kinto.userid_hmac_secret", "s"), name -> null);
        credentials.cache = cache;
        invalidation.credentials = credentials;
        credentials.remember("alice", "pw");
        credentials.remember("bob", "pw");
    }

    @Test
    void updatingAnAccountForgetsItsCredentials() {
        invalidation.beforeCommit(new ResourceChanged(payload("account", Action.UPDATE), List.of(changed("alice"))));
        assertFalse(credentials.recentlyVerified("alice", "pw"));
        assertTrue(credentials.recentlyVerified("bob", "pw"));
    }

    @Test
    void deletingAccountsForgetsEach() {
        JsonObject tombstone = Json.createObjectBuilder().add("id", "x").add("deleted", true).build();
        invalidation.afterCommit(new AfterResourceChanged(payload("account", Action.DELETE), List.of(
                new ImpactedObject(account("alice"), tombstone), new ImpactedObject(account("bob"), tombstone))));
        assertFalse(credentials.recentlyVerified("alice", "pw"));
        assertFalse(credentials.recentlyVerified("bob", "pw"));
    }

    @Test
    void otherResourcesAndCreationsLeaveTheCacheAlone() {
        invalidation.beforeCommit(new ResourceChanged(payload("record", Action.DELETE), List.of(changed("alice"))));
        invalidation.beforeCommit(new ResourceChanged(payload("account", Action.CREATE),
                List.of(ImpactedObject.created(account("alice")))));
        assertTrue(credentials.recentlyVerified("alice", "pw"));
    }

    private static EventPayload payload(String resourceName, Action action) {
        return new EventPayload(1L, action, "/accounts/alice", "account:alice", resourceName, Map.of("id", "alice"));
    }

    private static ImpactedObject changed(String id) {
        return new ImpactedObject(account(id), account(id));
    }

    private static JsonObject account(String id) {
        return Json.createObjectBuilder().add("id", id).add("password", "$2b$...").build();
    }
}

package org.jinto.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.json.Json;
import org.jinto.api.cache.Cache;
import org.jinto.api.storage.Storage;
import org.jinto.cache.memory.MemoryCache;
import org.jinto.settings.KintoSettings;
import org.jinto.storage.memory.MemoryStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.jinto.testing.AuthHeaders.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account policy against real memory storage and cache. */
class AccountPolicyTest {

    /** Kinto's cache key for alice under secret "test-secret": hmac_digest(secret, "accounts:alice:verified"). */
    private static final String ALICE_CACHE_KEY = "4a695380e54ae75eb63317afa82484d2db075bfdbcd21bea14172e9cb37bbdec";
    /** What Kinto stores there once "pw-alice" is verified: hmac_digest(cache key, password). */
    private static final String ALICE_FINGERPRINT = "53d13f89904c58c9f62e7e6c897a3783366b8a9fcf308500e6c31e8fc29dd13b";

    /** The hash Jinto stores for "pw-alice" (bcrypt $2b$, cost 12): checking it takes a quarter of a second. */
    private static final String ALICE_STORED = Passwords.hash("pw-alice");
    /**
     * The same password hashed at bcrypt's least cost (4): a hash carries its cost, so checking it runs the same code
     * in a few milliseconds. The tests that check a password many times store this one.
     */
    private static final String ALICE_HASH = cheapHash("pw-alice");

    private final Storage storage = new MemoryStorage();
    private final Cache cache = new MemoryCache();
    private final AccountPolicy policy = new AccountPolicy();
    private final AccountCredentialsCache credentials = new AccountCredentialsCache();

    @BeforeEach
    void setUp() {
        credentials.settings = new KintoSettings(Map.of(
                "kinto.userid_hmac_secret", "test-secret",
                "kinto.account_cache_ttl_seconds", "60"), name -> null);
        credentials.cache = cache;
        policy.storage = storage;
        policy.verified = credentials;
        storeAccount("alice", ALICE_HASH);
    }

    @Test
    void rightPasswordGivesTheAccountUserId() {
        assertEquals(Optional.of("account:alice"), policy.authenticate(basic("alice", "pw-alice")));
    }

    @Test
    void storedHashOfJintoIsAccepted() {
        storeAccount("alice", ALICE_STORED);
        assertTrue(ALICE_STORED.startsWith("$2b$12$"));
        assertEquals(Optional.of("account:alice"), policy.authenticate(basic("alice", "pw-alice")));
    }

    @Test
    void wrongPasswordUnknownAccountAndOtherSchemesGiveNoUser() {
        assertEquals(Optional.empty(), policy.authenticate(basic("alice", "wrong")));
        assertEquals(Optional.empty(), policy.authenticate(basic("nobody", "pw-alice")));
        assertEquals(Optional.empty(), policy.authenticate("Bearer abc"));
        assertEquals(Optional.empty(), policy.authenticate(null));
        assertNull(cache.get(ALICE_CACHE_KEY), "failed attempts are not cached");
    }

    @Test
    void verifiedCredentialsAreCachedAsKintoDoesNeverThePassword() {
        policy.authenticate(basic("alice", "pw-alice"));
        assertEquals(ALICE_FINGERPRINT, cache.get(ALICE_CACHE_KEY));
        long ttl = cache.ttl(ALICE_CACHE_KEY);
        assertTrue(ttl > 50 && ttl <= 60, "ttl " + ttl);
    }

    @Test
    void cachedCredentialsSkipBcryptUntilInvalidated() {
        assertTrue(policy.authenticate(basic("alice", "pw-alice")).isPresent());
        // The stored hash no longer matches: only the cache can still accept the password.
        storeAccount("alice", cheapHash("new-password"));
        assertEquals(Optional.of("account:alice"), policy.authenticate(basic("alice", "pw-alice")));

        credentials.invalidate("alice");
        assertNull(cache.get(ALICE_CACHE_KEY));
        assertEquals(Optional.empty(), policy.authenticate(basic("alice", "pw-alice")));
        assertEquals(Optional.of("account:alice"), policy.authenticate(basic("alice", "new-password")));
    }

    @Test
    void aCachedEntryDoesNotAcceptAnotherPassword() {
        policy.authenticate(basic("alice", "pw-alice"));
        assertEquals(Optional.empty(), policy.authenticate(basic("alice", "pw-alice-2")));
        assertEquals(ALICE_FINGERPRINT, cache.get(ALICE_CACHE_KEY), "a wrong password leaves the entry alone");
    }

    @Test
    void deletedAccountNoLongerAuthenticates() {
        policy.authenticate(basic("alice", "pw-alice"));
        storage.delete(AccountPolicy.RESOURCE_NAME, "alice", "alice", null);
        credentials.invalidate("alice");
        assertEquals(Optional.empty(), policy.authenticate(basic("alice", "pw-alice")));
    }

    @Test
    void accountWithoutAStringPasswordNeverAuthenticates() {
        storage.update(AccountPolicy.RESOURCE_NAME, "bob", "bob", Json.createObjectBuilder().add("password", 42).build());
        assertEquals(Optional.empty(), policy.authenticate(basic("bob", "42")));
        assertNotNull(storage.get(AccountPolicy.RESOURCE_NAME, "bob", "bob"));
    }

    private static String cheapHash(String password) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(4, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    private void storeAccount(String id, String hash) {
        storage.update(AccountPolicy.RESOURCE_NAME, id, id, Json.createObjectBuilder().add("id", id).add("password", hash).build());
    }
}

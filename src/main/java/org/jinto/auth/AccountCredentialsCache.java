package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers account credentials that bcrypt verified recently, so that bcrypt (deliberately slow) does not run on
 * every request. As Kinto's accounts plugin: the cache key is HMAC({@code userid_hmac_secret},
 * "accounts:&lt;id&gt;:verified") and the value HMAC(key, password) — never the password itself; a hit refreshes the
 * time-to-live ({@code kinto.account_cache_ttl_seconds}, default 30).
 */
@ApplicationScoped
public class AccountCredentialsCache {

    static final String TTL_KEY = "kinto.account_cache_ttl_seconds";
    private static final long DEFAULT_TTL_SECONDS = 30;
    /** Accounts whose cache key is remembered; past that many, the remembered keys are forgotten. */
    private static final int REMEMBERED_KEYS = 10_000;

    @Inject
    Settings settings;
    @Inject
    Cache cache;

    /**
     * Each account's cache key, a function of its id and the fixed secret only: computing that HMAC again on every
     * request was a tenth of an authenticated GET's CPU time.
     */
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    /** For CDI, which injects the fields. */
    public AccountCredentialsCache() {
    }

    /** Outside a web application (the maintenance commands), on the configured cache. */
    public AccountCredentialsCache(Settings settings, Cache cache) {
        this.settings = settings;
        this.cache = cache;
    }

    /** True if these credentials were verified within the time-to-live; a hit extends it. */
    public boolean recentlyVerified(String accountId, String password) {
        String key = key(accountId);
        String remembered = cache.get(key);
        if (remembered == null || !remembered.equals(fingerprint(key, password))) {
            return false;
        }
        cache.expire(key, ttlSeconds());
        return true;
    }

    /** Records that bcrypt accepted this password for the account. */
    public void remember(String accountId, String password) {
        String key = key(accountId);
        cache.set(key, fingerprint(key, password), ttlSeconds());
    }

    /** Forgets the account's verified credentials: call when its password changes or it is deleted. */
    public void invalidate(String accountId) {
        cache.delete(key(accountId));
    }

    private String key(String accountId) {
        String key = keys.get(accountId);
        if (key == null) {
            if (keys.size() >= REMEMBERED_KEYS) {
                keys.clear();
            }
            key = HmacDigest.hex(HmacDigest.userIdSecret(settings), "accounts:" + accountId + ":verified");
            keys.put(accountId, key);
        }
        return key;
    }

    private static String fingerprint(String key, String password) {
        return HmacDigest.hex(key, password);
    }

    private long ttlSeconds() {
        return settings.getLong(TTL_KEY, DEFAULT_TTL_SECONDS);
    }
}

package org.jinto.cache.redis;

import org.jinto.api.cache.Cache;
import org.jinto.api.storage.BackendException;
import org.jinto.cache.CacheContract;
import org.jinto.settings.KintoSettings;
import org.jinto.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache contract on a real Redis, plus what only Redis has: prefixes, databases, connection failures. */
class RedisCacheTest extends CacheContract {

    private final List<RedisCache> opened = new ArrayList<>();
    /** Unique per test: other test runs may share this Redis. */
    private final String prefix = "jinto-test-" + UUID.randomUUID() + ":";

    @Override
    protected Cache emptyCache() {
        return open(TestRedis.url(0), prefix);
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(c -> {
            c.flush();
            c.close();
        });
    }

    @Test
    void prefixesIsolateDeployments() {
        Cache other = open(TestRedis.url(0), prefix + "other:");
        cache.set("k", "ours", 60);
        other.set("k", "theirs", 60);
        assertEquals("ours", cache.get("k"));
        assertEquals("theirs", other.get("k"));
        assertEquals("ours", raw(0).get(prefix + "k"), "stored under the prefix");

        other.delete("k");
        assertEquals("ours", cache.get("k"));
    }

    @Test
    void flushLeavesKeysOutsideThePrefix() {
        String foreign = "jinto-foreign-" + UUID.randomUUID();
        try (Jedis redis = raw(0)) {
            redis.setex(foreign, 60, "not ours");
            redis.setex(prefix.replace("jinto-test-", "jinto-test?"), 60, "glob look-alike");
            for (int i = 0; i < 1200; i++) {
                cache.set("many-" + i, "v", 60);
            }
            cache.flush();
            assertNull(cache.get("many-0"));
            assertNull(cache.get("many-1199"));
            assertEquals("not ours", redis.get(foreign));
            assertEquals("glob look-alike", redis.get(prefix.replace("jinto-test-", "jinto-test?")));
            redis.del(foreign, prefix.replace("jinto-test-", "jinto-test?"));
        }
    }

    @Test
    void theUrlChoosesTheDatabase() {
        Cache db3 = open(TestRedis.url(3), prefix);
        db3.set("k", "in db 3", 60);
        assertEquals("in db 3", raw(3).get(prefix + "k"));
        assertNull(raw(0).get(prefix + "k"));
    }

    @Test
    void unreachableRedisIsABackendError() {
        Cache down = open("redis://127.0.0.1:1/0", prefix);
        assertThrows(BackendException.class, down::ping);
        assertThrows(BackendException.class, () -> down.get("k"));
        assertThrows(BackendException.class, () -> down.set("k", "v", 10));
        opened.remove(down);
    }

    @Test
    void onlyRedisUrlsAreAccepted() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kinto.cache_url", "postgresql://localhost/db");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RedisCache(new KintoSettings(settings, name -> null)));
        assertTrue(e.getMessage().contains("kinto.cache_url"));
    }

    @Test
    void globCharactersInThePrefixAreLiteral() {
        assertEquals("a\\*b\\?c\\[d\\]\\\\e", RedisCache.globEscape("a*b?c[d]\\e"));
    }

    private RedisCache open(String url, String keyPrefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kinto.cache_url", url);
        settings.put("kinto.cache_prefix", keyPrefix);
        settings.put("kinto.cache_pool_size", "4");
        settings.put("kinto.cache_pool_timeout", "2");
        RedisCache cache = new RedisCache(new KintoSettings(settings, name -> null));
        opened.add(cache);
        return cache;
    }

    private static Jedis raw(int db) {
        return new Jedis(URI.create(TestRedis.url(db)));
    }
}

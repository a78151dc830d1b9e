package org.jinto.cache.redis;

import org.jinto.api.cache.Cache;
import org.jinto.api.storage.BackendException;
import org.jinto.cache.CacheContract;
import org.jinto.settings.KintoSettings;
import org.jinto.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.net.URI;
import java.time.Duration;
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

    /** Redis keeps the time to live itself: the only way to let time pass is to wait. */
    @Override
    protected void elapse(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
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
    void everyCallToAnUnreachableRedisIsABackendError() {
        Cache down = open("redis://127.0.0.1:1/0", prefix);
        opened.remove(down);
        List<Executable> calls = List.of(down::ping, down::flush, () -> down.get("k"), () -> down.set("k", "v", 10),
                () -> down.delete("k"), () -> down.expire("k", 10), () -> down.ttl("k"));
        for (Executable call : calls) {
            BackendException e = assertThrows(BackendException.class, call);
            assertTrue(e.getCause() instanceof JedisException, "the original error is kept");
        }
    }

    @Test
    void everyOperationOfAPrefixedCacheUsesItsPrefix() {
        Cache prefixed = open(TestRedis.url(0), prefix + "prefix_");
        prefixed.set("key", "foo", 42);
        assertEquals("foo", cache.get("prefix_key"));
        cache.set("prefix_other", "bar", 10);
        assertEquals("bar", prefixed.get("other"));
        long ttl = prefixed.ttl("other");
        assertTrue(ttl > 8 && ttl <= 10, "ttl " + ttl);
        assertEquals("foo", prefixed.delete("key"));
        assertNull(cache.get("prefix_key"));
        prefixed.expire("other", 0);
        assertNull(cache.get("prefix_other"));
        assertEquals(-1, cache.ttl("prefix_other"));
    }

    @Test
    void withoutAPrefixKeysAreStoredAsGiven() {
        RedisCache bare = open(TestRedis.url(0), "");
        opened.remove(bare); // never flushed: without a prefix, flush would delete every key of the database
        try {
            bare.set(prefix + "key", "foo", 42);
            assertEquals("foo", cache.get("key"));
        } finally {
            bare.close();
        }
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

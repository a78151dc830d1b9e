package org.jinto.cache.redis;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.storage.BackendException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The cache in Redis (Kinto's {@code kinto_redis.cache}), through a pool of Jedis connections. Settings as Kinto
 * names them: {@code kinto.cache_url} ({@code redis://[[user]:password@]host:port/db}), {@code kinto.cache_prefix}
 * (prepended to every key), {@code kinto.cache_pool_size} (connections, default 50) and
 * {@code kinto.cache_pool_timeout} (seconds to wait for a free connection, default 20).
 * <p>
 * {@link #flush} deletes only the keys under our prefix. Kinto's Redis cache runs {@code FLUSHDB}, which also
 * wipes every other deployment sharing the database — the very situation {@code cache_prefix} exists for.
 * Needs Redis 6.2 or later ({@code GETDEL}).
 */
@ApplicationScoped
@BackendName("redis")
public class RedisCache implements Cache, AutoCloseable {

    static final String URL_KEY = "kinto.cache_url";
    static final String PREFIX_KEY = "kinto.cache_prefix";
    static final String POOL_SIZE_KEY = "kinto.cache_pool_size";
    static final String POOL_TIMEOUT_KEY = "kinto.cache_pool_timeout";
    private static final int FLUSH_BATCH = 500;

    private final JedisPool pool;
    private final String prefix;

    /** For the CDI proxy only. */
    protected RedisCache() {
        pool = null;
        prefix = null;
    }

    @Inject
    public RedisCache(Settings settings) {
        URI url = URI.create(settings.get(URL_KEY, "redis://localhost:6379/0"));
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
            throw new IllegalStateException("Setting " + URL_KEY + " must be a redis:// URL, got '" + url + "'");
        }
        JedisPoolConfig config = new JedisPoolConfig();
        int size = (int) settings.getLong(POOL_SIZE_KEY, 50);
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMaxWait(Duration.ofSeconds(settings.getLong(POOL_TIMEOUT_KEY, 20)));
        pool = new JedisPool(config, url);
        prefix = settings.get(PREFIX_KEY, "");
    }

    @Override
    public String get(String key) {
        return call(redis -> redis.get(prefix + key));
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("Cache TTL must be positive, got " + ttlSeconds);
        }
        call(redis -> redis.psetex(prefix + key, ttlSeconds * 1000, value));
    }

    @Override
    public String delete(String key) {
        return call(redis -> redis.getDel(prefix + key));
    }

    @Override
    public void expire(String key, long ttlSeconds) {
        call(redis -> redis.pexpire(prefix + key, ttlSeconds * 1000));
    }

    @Override
    public long ttl(String key) {
        long ttl = call(redis -> redis.ttl(prefix + key));
        return ttl < 0 ? -1 : ttl;
    }

    /** Deletes the keys under our prefix, in batches found by {@code SCAN} (never blocking Redis like KEYS). */
    @Override
    public void flush() {
        ScanParams ours = new ScanParams().match(globEscape(prefix) + "*").count(FLUSH_BATCH);
        call(redis -> {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, ours);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    redis.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return null;
        });
    }

    @Override
    public void ping() {
        call(Jedis::ping);
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }

    private <T> T call(Function<Jedis, T> command) {
        try (Jedis redis = pool.getResource()) {
            return command.apply(redis);
        } catch (JedisException e) {
            throw new BackendException("Redis cache: " + e.getMessage(), e);
        }
    }

    /** The prefix as a literal inside a Redis glob pattern. */
    static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\^])", "\\\\$1");
    }
}

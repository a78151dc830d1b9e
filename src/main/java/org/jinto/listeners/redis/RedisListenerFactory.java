package org.jinto.listeners.redis;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.events.EventListener;
import org.jinto.api.events.EventListenerFactory;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

import java.net.URI;

/**
 * kinto-redis's {@code kinto_redis.listeners}: {@code <prefix>url} (default {@code redis://localhost:6379/0}),
 * {@code <prefix>pool_size} (connections, default 25) and {@code <prefix>listname} (default
 * {@code kinto.core.events}).
 */
@ApplicationScoped
@BackendName("redis")
public class RedisListenerFactory implements EventListenerFactory {

    @Override
    public EventListener create(String prefix, Settings settings) {
        String urlKey = prefix + "url";
        URI url = URI.create(settings.get(urlKey, "redis://localhost:6379/0"));
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
            throw new IllegalStateException("Setting " + urlKey + " must be a redis:// URL, got '" + url + "'");
        }
        JedisPoolConfig config = new JedisPoolConfig();
        int size = (int) settings.getLong(prefix + "pool_size", 25);
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        return new RedisListener(new JedisPool(config, url), settings.get(prefix + "listname", "kinto.core.events"));
    }
}

package org.jinto.listeners.redis;

import org.jinto.api.events.EventListener;
import org.jinto.api.events.ResourceEvent;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Pushes each event's payload as JSON at the head of a Redis list ({@code LPUSH}), as kinto-redis does. */
final class RedisListener implements EventListener {

    private final JedisPool pool;
    private final String listName;

    RedisListener(JedisPool pool, String listName) {
        this.pool = pool;
        this.listName = listName;
    }

    /** Only the payload ({@code action}, {@code uri}, {@code resource_name}, ids...), as kinto-redis. */
    @Override
    public void deliver(ResourceEvent event) {
        try (Jedis redis = pool.getResource()) {
            redis.lpush(listName, event.payload().toJson().toString());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

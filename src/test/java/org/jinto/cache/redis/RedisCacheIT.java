package org.jinto.cache.redis;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.TestRedis;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server with {@code kinto.cache_backend = redis}, over real HTTP. */
class RedisCacheIT {

    private static Map<String, String> redisSettings(String url) {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.cache_backend", "kinto_redis.cache");
        settings.put("kinto.cache_url", url);
        settings.put("kinto.cache_prefix", "jinto-it-redis:");
        return settings;
    }

    @Test
    void heartbeatReportsTheRedisCache() {
        Http.Response heartbeat = new Http(JintoServer.url(redisSettings(TestRedis.url(0)))).get("/__heartbeat__");
        assertEquals(200, heartbeat.status(), heartbeat.toString());
        assertEquals(true, heartbeat.object().getBoolean("cache"));
    }

    @Test
    void unreachableRedisFailsTheHeartbeatNotTheServer() {
        Http http = new Http(JintoServer.url(redisSettings("redis://127.0.0.1:1/0")));
        Http.Response heartbeat = http.get("/__heartbeat__");
        assertEquals(503, heartbeat.status(), heartbeat.toString());
        assertEquals(false, heartbeat.object().getBoolean("cache"));
        assertEquals(true, heartbeat.object().getBoolean("storage"));
        assertEquals(200, http.get("/").status());
    }
}

package org.jinto.storage.postgresql;

import org.jinto.launcher.EmbeddedServer;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.RestartablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over HTTP: while PostgreSQL is down, requests that need it (an authenticated request reads the user's
 * principals) answer 503 errno 201 with Retry-After; the server recovers by itself when PostgreSQL is back.
 */
class PostgresqlOutageIT {

    @Test
    void answersUnavailableDuringAnOutageAndRecovers(@TempDir Path data) throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres(data)) {
            Map<String, String> settings = JintoServer.defaults();
            settings.put("kinto.storage_backend", "postgresql");
            settings.put("kinto.permission_backend", "postgresql");
            settings.put("kinto.storage_url", postgres.jdbcUrl());
            settings.put("kinto.permission_url", postgres.jdbcUrl());
            settings.put("kinto.storage_pool_timeout", "1");
            settings.put("kinto.retry_after_seconds", "7");
            settings.put("multiauth.policies", "basicauth");
            settings.put("kinto.userid_hmac_secret", "outage-test");
            try (EmbeddedServer server = JintoServer.startPrivate(settings)) {
                Http alice = new Http(server.baseUrl()).as("alice", "secret");
                assertEquals(200, alice.get("/").status());

                postgres.stop();
                Http.Response down = alice.get("/");
                assertEquals(503, down.status());
                assertEquals(201, down.object().getInt("errno"));
                assertEquals("7", down.header("Retry-After"));
                assertEquals(200, new Http(server.baseUrl()).get("/").status(), "what needs no database still answers");

                postgres.start();
                // Back within 10 s: the pool reconnects by itself.
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> alice.get("/").status() == 200);
                assertTrue(alice.get("/").object().containsKey("user"));
            }
        }
    }
}

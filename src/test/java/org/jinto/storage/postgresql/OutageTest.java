package org.jinto.storage.postgresql;

import jakarta.json.Json;
import org.jinto.api.storage.BackendException;
import org.jinto.api.storage.Storage;
import org.jinto.database.Database;
import org.jinto.testing.RestartablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped while writers run: their calls fail with {@link BackendException} (503 errno 201), the pool
 * recovers by itself once PostgreSQL is back, and every write that returned normally is stored.
 */
class OutageTest {

    @Test
    void writersSurviveARestartOfPostgresql(@TempDir Path data) throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres(data);
             Database database = PostgresqlTestDatabase.open(postgres.jdbcUrl(), Map.of("kinto.storage_pool_timeout", "1"), "storage")) {
            Storage storage = new PostgresqlStorage(database, 10000);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger unavailable = new AtomicInteger();
            List<RuntimeException> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; running.get() && i < 100_000; i++) {
                        String id = writer + "-" + i;
                        try {
                            storage.create("record", "/c", Json.createObjectBuilder().add("id", id).build());
                            acknowledged.add(id);
                        } catch (BackendException e) {
                            unavailable.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 100);
            postgres.stop();
            await("calls during the outage fail as unavailable").atMost(Duration.ofSeconds(30)).until(() -> unavailable.get() > 0);
            int storedBeforeRestart = acknowledged.size();
            postgres.start();
            await("writes succeed again").atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > storedBeforeRestart);
            running.set(false);
            writers.shutdown();
            assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

            assertEquals(List.of(), unexpected, "no other kind of failure");
            List<String> stored = storage.listAll("record", "/c", new org.jinto.api.storage.Query(
                    List.of(), List.of(), List.of(), null, false)).stream().map(o -> o.getString("id")).toList();
            assertTrue(stored.containsAll(acknowledged), "every acknowledged write is stored");
        }
    }
}

package org.jinto.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heartbeat's checks on real threads: one deadline for all, hanging checks reported false and interrupted. */
class ConcurrentChecksTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void reportsEachOutcomeInOrder() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("healthy", () -> true);
        checks.put("unhealthy", () -> false);
        checks.put("throws", () -> {
            throw new IllegalStateException("backend down");
        });
        Map<String, Boolean> results = ConcurrentChecks.run(checks, Duration.ofSeconds(5), executor);
        assertEquals(List.of("healthy", "unhealthy", "throws"), List.copyOf(results.keySet()));
        assertEquals(Map.of("healthy", true, "unhealthy", false, "throws", false), results);
    }

    @Test
    void hangingChecksShareOneDeadlineAndAreInterrupted() throws Exception {
        int hanging = 6;
        CountDownLatch interrupted = new CountDownLatch(hanging);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        for (int i = 0; i < hanging; i++) {
            checks.put("hangs" + i, () -> {
                try {
                    Thread.sleep(60_000);
                    return true;
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    return true;
                }
            });
        }
        checks.put("healthy", () -> true);

        long start = System.nanoTime();
        Map<String, Boolean> results = ConcurrentChecks.run(checks, Duration.ofMillis(300), executor);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsedMs >= 290 && elapsedMs < 1_500, "answered after " + elapsedMs + " ms, not 6 x 300 ms");
        assertEquals(true, results.get("healthy"));
        for (int i = 0; i < hanging; i++) {
            assertEquals(false, results.get("hangs" + i));
        }
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "hanging checks are interrupted");
    }
}

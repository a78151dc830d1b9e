package org.jinto.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs named health checks concurrently under one deadline for all of them: the answer comes within the timeout
 * however many checks hang. A check that throws, answers false or is still running at the deadline is reported
 * false; one still running is interrupted.
 */
final class ConcurrentChecks {

    private static final Logger LOG = Logger.getLogger(ConcurrentChecks.class.getName());

    private ConcurrentChecks() {
    }

    static Map<String, Boolean> run(Map<String, BooleanSupplier> checks, Duration timeout, ExecutorService executor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Future<Boolean>> running = new LinkedHashMap<>();
        checks.forEach((name, check) -> running.put(name, executor.submit(check::getAsBoolean)));
        Map<String, Boolean> results = new LinkedHashMap<>();
        running.forEach((name, future) -> results.put(name, outcome(name, future, deadline - System.nanoTime())));
        return results;
    }

    private static boolean outcome(String name, Future<Boolean> future, long remainingNanos) {
        try {
            return future.get(Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warning(() -> "Heartbeat check " + name + " did not answer in time");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Heartbeat check " + name + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        future.cancel(true);
        return false;
    }
}

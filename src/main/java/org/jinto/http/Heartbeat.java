package org.jinto.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pings every backend concurrently; a backend that fails or does not answer within
 * {@code kinto.heartbeat_timeout_seconds} is reported false, so the heartbeat itself never hangs.
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;
    @Inject
    Cache cache;

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jinto-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public Map<String, Boolean> run() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("cache", cache::ping);
        checks.put("permission", permission::ping);
        checks.put("storage", storage::ping);
        Map<String, CompletableFuture<Boolean>> running = new LinkedHashMap<>();
        checks.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(() -> {
            check.run();
            return true;
        }, executor)));
        long timeout = settings.getLong("kinto.heartbeat_timeout_seconds", 10);
        Map<String, Boolean> results = new LinkedHashMap<>();
        running.forEach((name, future) -> {
            try {
                results.put(name, future.get(timeout, TimeUnit.SECONDS));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Heartbeat of " + name + " failed", e);
                future.cancel(true);
                results.put(name, false);
            }
        });
        return results;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}

package org.jinto.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jinto.api.HeartbeatCheck;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Pings every backend and runs every plugin's {@link HeartbeatCheck} concurrently; one that fails or is not done
 * when {@code kinto.heartbeat_timeout_seconds} (for all of them together) have passed is reported false, so the
 * heartbeat itself never hangs.
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
    @Inject
    @Any
    Instance<HeartbeatCheck> allPluginChecks;

    private List<HeartbeatCheck> pluginChecks;

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jinto-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Resolved once: a dependent-scoped check then lives as long as this bean instead of one per heartbeat. */
    @PostConstruct
    void resolvePluginChecks() {
        pluginChecks = allPluginChecks.stream().filter(HeartbeatCheck::enabled).toList();
    }

    public Map<String, Boolean> run() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("cache", answered(cache::ping));
        checks.put("permission", answered(permission::ping));
        checks.put("storage", answered(storage::ping));
        for (HeartbeatCheck check : pluginChecks) {
            if (checks.putIfAbsent(check.name(), check::check) != null) {
                LOG.warning(() -> "Heartbeat check " + check.getClass().getName() + " reuses the name '"
                        + check.name() + "'; it is ignored");
            }
        }
        Duration timeout = Duration.ofSeconds(settings.getLong("kinto.heartbeat_timeout_seconds", 10));
        return ConcurrentChecks.run(checks, timeout, executor);
    }

    /** A backend ping is healthy when it returns without an exception. */
    private static BooleanSupplier answered(Runnable ping) {
        return () -> {
            ping.run();
            return true;
        };
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}

package org.jinto.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.settings.IncludedPlugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Owns the application's meters. {@link #meterRegistry()} is the registry every component records into
 * ({@code @Inject MeterRegistry}); it forwards to the monitoring systems the settings turn on: Prometheus
 * ({@code kinto.includes = kinto.plugins.prometheus}, read at {@code /v1/__metrics__}, names prefixed by
 * {@code kinto.prometheus_prefix}) and StatsD ({@code kinto.statsd_url}). With neither, recording costs nothing.
 * JVM memory, memory pools, GC, threads, class loading, CPU, uptime and file descriptors are measured too.
 */
@ApplicationScoped
public class Metrics {

    public static final String PROMETHEUS_PLUGIN = "kinto.plugins.prometheus";
    /** Accepted in {@code kinto.includes} as Kinto 25 requires it; {@code kinto.statsd_url} alone turns StatsD on. */
    public static final String STATSD_PLUGIN = "kinto.plugins.statsd";
    static final String PROMETHEUS_PREFIX_KEY = "kinto.prometheus_prefix";

    @Inject
    Settings settings;

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private PrometheusMeterRegistry prometheus;
    private JvmGcMetrics gcMetrics;

    @PostConstruct
    void start() {
        if (IncludedPlugins.contains(settings, PROMETHEUS_PLUGIN)) {
            prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            prometheus.config()
                    .meterFilter(MeterFilters.prefix(settings.get(PROMETHEUS_PREFIX_KEY, "")))
                    .meterFilter(MeterFilters.requestDurationBuckets());
            registry.add(prometheus);
        }
        settings.get(Statsd.URL_KEY).filter(url -> !url.isBlank()).ifPresent(url ->
                registry.add(Statsd.registry(url, settings.get(Statsd.PREFIX_KEY, Statsd.DEFAULT_PREFIX))));
        gcMetrics = new JvmGcMetrics();
        List.of(new JvmMemoryMetrics(), gcMetrics, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())
                .forEach(binder -> binder.bindTo(registry));
    }

    /** A bad {@code kinto.statsd_url} stops startup: observing startup creates this bean. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Nothing more: start() has run.
    }

    /** The registry to record into. Dependent scope: the instance is shared, no proxy is needed. */
    @Produces
    @Dependent
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** Whether a monitoring system (Prometheus, StatsD) reads the meters; if not, there is no use measuring. */
    public boolean reported() {
        return !registry.getRegistries().isEmpty();
    }

    /** Present when the Prometheus plugin is included. */
    public Optional<PrometheusMeterRegistry> prometheus() {
        return Optional.ofNullable(prometheus);
    }

    /** Kinto's {@code prometheus} capability, when the plugin is included (null otherwise: no capability). */
    @Produces
    @Dependent
    Capability prometheusCapability() {
        return prometheus == null ? null
                : new Capability("prometheus", "Prometheus metrics.", "https://github.com/Kinto/kinto/", null);
    }

    @PreDestroy
    void stop() {
        gcMetrics.close();
        for (MeterRegistry child : new ArrayList<>(registry.getRegistries())) {
            child.close();
        }
        registry.close();
    }
}

package org.jinto.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.time.Duration;

/** The meter filters a monitoring system's registry gets: the operator's name prefix, histogram buckets. */
final class MeterFilters {

    /** Request duration buckets, from 5 ms to 10 s: enough resolution for latency percentiles in Prometheus. */
    private static final Duration[] DURATION_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private MeterFilters() {
    }

    /** Prepends {@code prefix.} to every meter name; an empty prefix leaves names alone. */
    static MeterFilter prefix(String prefix) {
        if (prefix.isBlank()) {
            return MeterFilter.accept();
        }
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.withName(prefix.strip() + "." + id.getName());
            }
        };
    }

    /** Histogram buckets for the request duration timer (whatever prefix its name got). */
    static MeterFilter requestDurationBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (!name.equals(RequestMetrics.DURATION) && !name.endsWith("." + RequestMetrics.DURATION)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(toNanos(DURATION_BUCKETS))
                        .build().merge(config);
            }
        };
    }

    private static double[] toNanos(Duration[] durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}

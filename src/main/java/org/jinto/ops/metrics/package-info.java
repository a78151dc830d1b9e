/**
 * Metrics (Micrometer): request timers and counters per endpoint, storage counts, the Prometheus and StatsD outputs
 * of Kinto's {@code kinto.plugins.prometheus} and {@code kinto.plugins.statsd}.
 */
package org.jinto.ops.metrics;

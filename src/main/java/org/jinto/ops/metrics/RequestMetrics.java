package org.jinto.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kinto's request metrics: the counter {@code request_summary} by method, endpoint and status, and the timer
 * {@code request_duration} by endpoint. Endpoints are route templates ({@link EndpointTemplates}) and unusual
 * methods count as {@code other}, so the number of series stays bounded.
 */
@ApplicationScoped
public class RequestMetrics {

    public static final String REQUESTS = "request_summary";
    public static final String DURATION = "request_duration";
    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete", "options");

    @Inject
    MeterRegistry registry;

    private Meter.MeterProvider<Counter> requests;
    private Meter.MeterProvider<Timer> durations;
    /**
     * The meters of the series seen so far (bounded as the series are): building their tags and looking them up
     * in the registry again on every request was a visible share of its CPU time.
     */
    private final Map<Series, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String endpoint, int status) {
    }

    @PostConstruct
    void register() {
        requests = Counter.builder(REQUESTS).description("Requests answered, by method, endpoint and status")
                .withRegistry(registry);
        durations = Timer.builder(DURATION).description("Time spent answering requests, by endpoint")
                .withRegistry(registry);
    }

    public void record(String method, String path, String matchedTemplate, int status, long elapsedNanos) {
        String endpoint = EndpointTemplates.resolve(path, matchedTemplate);
        String lowerMethod = method.toLowerCase(Locale.ROOT);
        Series series = new Series(METHODS.contains(lowerMethod) ? lowerMethod : "other", endpoint, status);
        counters.computeIfAbsent(series, s -> requests.withTags("method", s.method(), "endpoint", s.endpoint(),
                "status", Integer.toString(s.status()))).increment();
        timers.computeIfAbsent(endpoint, e -> durations.withTags("endpoint", e)).record(elapsedNanos, TimeUnit.NANOSECONDS);
    }
}

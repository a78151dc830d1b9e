package org.jinto.changes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.ImpactedObject;
import org.jinto.auth.Identity;
import org.jinto.events.RemoteResourceChanged;
import org.jinto.resource.Authorizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The change streams of this node: subscriptions, and the committed changes (this node's and, through
 * {@link RemoteResourceChanged}, the other nodes') handed to them. One dispatcher thread checks each change against
 * every subscription in commit order, so the request that committed it never waits; a few delivery threads write
 * the queued events; heartbeats are queued every {@code kinto.changes_stream_heartbeat_seconds}.
 */
@ApplicationScoped
public class ChangeStreams {

    private static final Logger LOG = Logger.getLogger(ChangeStreams.class.getName());

    /** Off by default: Kinto has no such capability, and Kinto's clients compare the capabilities they see. */
    static final String ENABLED_KEY = "kinto.changes_stream_enabled";
    static final String HEARTBEAT_KEY = "kinto.changes_stream_heartbeat_seconds";
    static final String BUFFER_KEY = "kinto.changes_stream_buffer_size";
    static final String THREADS_KEY = "kinto.changes_stream_delivery_threads";

    @Inject
    Settings settings;
    @Inject
    Authorizer authorizer;
    @Inject
    ChangeReplay replay;
    @Inject
    MeterRegistry meters;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private ExecutorService dispatcher;
    private ExecutorService delivery;
    private ScheduledExecutorService heartbeats;
    private int capacity;
    private Counter delivered;
    private Counter dropped;

    @PostConstruct
    void start() {
        capacity = (int) settings.getLong(BUFFER_KEY, 1000);
        dispatcher = Executors.newSingleThreadExecutor(threads("jinto-changes-dispatch"));
        delivery = Executors.newFixedThreadPool((int) settings.getLong(THREADS_KEY, 4), threads("jinto-changes-delivery"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(threads("jinto-changes-heartbeat"));
        long period = settings.getLong(HEARTBEAT_KEY, 15);
        heartbeats.scheduleAtFixedRate(() -> subscriptions.forEach(Subscription::heartbeat), period, period,
                TimeUnit.SECONDS);
        meters.gaugeCollectionSize("changes_stream.subscribers", List.of(), subscriptions);
        delivered = meters.counter("changes_stream.events_delivered");
        dropped = meters.counter("changes_stream.slow_subscribers_dropped");
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        dispatcher.shutdownNow();
        subscriptions.forEach(subscription -> subscription.end(false));
        delivery.shutdown();
    }

    /**
     * Subscribes to a scope: throws Kinto's error if the subscriber may not read it, else sends the changes after
     * {@code since} (if given) from storage, then every readable change as it commits, until the subscriber goes,
     * reads too slowly, or loses the scope.
     */
    public void subscribe(ChangeScope scope, Identity identity, String baseUrl, OptionalLong since, ChangeSink sink) {
        replay.authorize(scope, identity, baseUrl);
        boolean readsScope = scope.objectUri().filter(uri -> authorizer.mayRead(identity.principals(), uri)).isPresent();
        Subscription subscription = new Subscription(scope, identity, readsScope, sink, capacity, delivery,
                this::ended, delivered::increment);
        // Registered before the replay reads storage: a change committed meanwhile is held, not lost.
        subscriptions.add(subscription);
        try {
            subscription.start(since.isPresent() ? replay.since(scope, since.getAsLong(), identity, baseUrl) : List.of());
        } catch (RuntimeException e) {
            subscription.end(false);
            throw e;
        }
    }

    void changed(@Observes AfterResourceChanged change) {
        publish(change);
    }

    void changedElsewhere(@Observes RemoteResourceChanged change) {
        publish(change.event());
    }

    public boolean enabled() {
        return settings.getBoolean(ENABLED_KEY, false);
    }

    /** The {@code changes_stream} capability of {@code GET /v1/}, when the streams are on. */
    @Produces
    @Dependent
    Capability capability() {
        return !enabled() ? null : new Capability("changes_stream",
                "Server-Sent Events of the committed changes of a collection, a bucket or everything readable.",
                "https://html.spec.whatwg.org/multipage/server-sent-events.html", null);
    }

    private void publish(AfterResourceChanged change) {
        if (!subscriptions.isEmpty()) {
            dispatcher.execute(() -> {
                ReadChecks checks = new ReadChecks(authorizer);
                // Subscribers reading the same objects share one rendering of the event.
                Map<List<ImpactedObject>, ChangeEvent> rendered = new HashMap<>();
                Function<List<ImpactedObject>, ChangeEvent> render =
                        readable -> rendered.computeIfAbsent(readable, r -> ChangeEvent.of(change.payload(), r));
                subscriptions.forEach(subscription -> offer(subscription, change, checks, render));
            });
        }
    }

    /** A subscription whose checks fail (permission backend down) ends: its subscriber resumes from its last id. */
    private static void offer(Subscription subscription, AfterResourceChanged change, ReadChecks checks,
                              Function<List<ImpactedObject>, ChangeEvent> render) {
        try {
            subscription.offer(change, checks, render);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Change stream ended: a change could not be checked", e);
            subscription.end(false);
        }
    }

    private void ended(Subscription subscription, boolean tooSlow) {
        subscriptions.remove(subscription);
        if (tooSlow) {
            dropped.increment();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

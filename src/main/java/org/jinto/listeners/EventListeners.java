package org.jinto.listeners;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventListenerFactory;
import org.jinto.api.events.ResourceChanged;
import org.jinto.backend.BackendSelector;
import org.jinto.changelog.ChangeLog;
import org.jinto.database.Database;
import org.jinto.events.ReadInterest;
import org.jinto.events.RemoteResourceChanged;
import org.jinto.ops.metrics.Metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kinto's {@code setup_listeners}: {@code kinto.event_listeners = <name> [<name>...]}, each with
 * {@code kinto.event_listeners.<name>.use} naming its kind (an {@link EventListenerFactory}; Kinto also accepts the
 * kind as the name itself, e.g. {@code kinto.event_listeners = kinto_redis.listeners}), {@code .actions} (default
 * create update delete) and {@code .resources} (default all). Built at startup, so that a bad setting stops the
 * application. A rolled-back change is never announced.
 * <p>
 * On the PostgreSQL storage, changes are durable: each is written to the {@link ChangeLog} in its own transaction
 * (also when no listener takes it, for the other nodes), with a delivery row per listener taking it, and an
 * {@link OutboxDispatcher} per listener delivers them after commit. On the memory storage, and for reads on any
 * storage, events are delivered from memory after commit (lost on a restart).
 */
@ApplicationScoped
public class EventListeners implements ReadInterest {

    static final String KEY = "kinto.event_listeners";
    /** The gauge of the events a listener has still to receive from the outbox, tagged {@code listener}. */
    public static final String OUTBOX_GAUGE = "event_listener_outbox";
    private static final Set<Action> WRITE_ACTIONS = EnumSet.of(Action.CREATE, Action.UPDATE, Action.DELETE);

    @Inject
    Settings settings;
    @Inject
    BeanManager beanManager;
    @Inject
    @Any
    Instance<EventListenerFactory> factories;
    @Inject
    ChangeLog changeLog;
    @Inject
    Metrics metrics;
    @Inject
    MeterRegistry registry;

    private final List<ConfiguredListener> listeners = new ArrayList<>();
    private final List<OutboxDispatcher> dispatchers = new ArrayList<>();
    private boolean durable;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        for (String name : settings.getList(KEY)) {
            String prefix = KEY + "." + name.substring(name.lastIndexOf('.') + 1) + ".";
            EventListenerFactory factory = BackendSelector.select(factories, beanManager, EventListenerFactory.class,
                    settings, prefix + "use", name);
            listeners.add(new ConfiguredListener(name, actions(prefix + "actions"),
                    new HashSet<>(settings.getList(prefix + "resources")), factory.create(prefix, settings),
                    Retries.from(settings, prefix)));
        }
        Optional<Database> database = changeLog.database();
        durable = database.isPresent();
        database.ifPresent(db -> listeners.forEach(listener -> dispatchers.add(
                new OutboxDispatcher(listener, db, outboxGauge(listener.name())))));
    }

    private AtomicLong outboxGauge(String listener) {
        if (!metrics.reported()) {
            return null;
        }
        AtomicLong size = new AtomicLong();
        Gauge.builder(OUTBOX_GAUGE, size, AtomicLong::get).tag("listener", listener)
                .description("Events the listener has still to receive").register(registry);
        return size;
    }

    private Set<Action> actions(String key) {
        List<String> names = settings.getList(key);
        if (names.isEmpty()) {
            return WRITE_ACTIONS;
        }
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (String name : names) {
            try {
                actions.add(Action.fromValue(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Setting " + key + " names an unknown action '" + name
                        + "'; valid values: create, update, delete, read", e);
            }
        }
        return actions;
    }

    /** In the request's transaction: the change joins the change log with the listeners that take it. */
    void record(@Observes ResourceChanged event) {
        if (durable) {
            changeLog.append(event, listeners.stream().filter(l -> l.accepts(event)).map(ConfiguredListener::name).toList());
        }
    }

    void changed(@Observes AfterResourceChanged event) {
        if (durable) {
            dispatchers.forEach(OutboxDispatcher::wakeUp);
        } else {
            listeners.forEach(listener -> listener.offer(event));
        }
    }

    /** Another node's change: it is in the outbox already (that node wrote it), to be delivered now if here. */
    void remoteChanged(@Observes RemoteResourceChanged event) {
        dispatchers.forEach(OutboxDispatcher::wakeUp);
    }

    /** Only listeners whose {@code .actions} name {@code read} take reads; by default none does. */
    @Override
    public boolean wantsReads() {
        return listeners.stream().anyMatch(ConfiguredListener::takesReads);
    }

    void read(@Observes AfterResourceRead event) {
        listeners.forEach(listener -> listener.offer(event));
    }

    @PreDestroy
    void stop() {
        dispatchers.forEach(OutboxDispatcher::close);
        listeners.forEach(ConfiguredListener::close);
    }
}

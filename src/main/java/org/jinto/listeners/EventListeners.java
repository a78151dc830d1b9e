package org.jinto.listeners;

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
import org.jinto.api.events.ResourceEvent;
import org.jinto.backend.BackendSelector;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kinto's {@code setup_listeners}: {@code kinto.event_listeners = <name> [<name>...]}, each with
 * {@code kinto.event_listeners.<name>.use} naming its kind (an {@link EventListenerFactory}; Kinto also accepts the
 * kind as the name itself, e.g. {@code kinto.event_listeners = kinto_redis.listeners}), {@code .actions} (default
 * create update delete) and {@code .resources} (default all). Built at startup, so that a bad setting stops the
 * application; fed with the after-commit events only, so a rolled-back change is never announced.
 */
@ApplicationScoped
public class EventListeners {

    static final String KEY = "kinto.event_listeners";
    private static final Set<Action> WRITE_ACTIONS = EnumSet.of(Action.CREATE, Action.UPDATE, Action.DELETE);

    @Inject
    Settings settings;
    @Inject
    BeanManager beanManager;
    @Inject
    @Any
    Instance<EventListenerFactory> factories;

    private final List<ConfiguredListener> listeners = new ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        for (String name : settings.getList(KEY)) {
            String prefix = KEY + "." + name.substring(name.lastIndexOf('.') + 1) + ".";
            EventListenerFactory factory = BackendSelector.select(factories, beanManager, EventListenerFactory.class,
                    settings, prefix + "use", name);
            listeners.add(new ConfiguredListener(name, actions(prefix + "actions"),
                    new HashSet<>(settings.getList(prefix + "resources")), factory.create(prefix, settings)));
        }
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

    void changed(@Observes AfterResourceChanged event) {
        offer(event);
    }

    void read(@Observes AfterResourceRead event) {
        offer(event);
    }

    private void offer(ResourceEvent event) {
        listeners.forEach(listener -> listener.offer(event));
    }

    @PreDestroy
    void stop() {
        listeners.forEach(ConfiguredListener::close);
    }
}

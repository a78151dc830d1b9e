package org.jinto.api.events;

import org.jinto.api.Settings;

/**
 * A kind of event listener (Kinto's listener module with its {@code load_from_config}), a CDI bean qualified by
 * {@link org.jinto.api.BackendName}: {@code kinto.event_listeners.<name>.use = <that name>} picks it, e.g.
 * {@code redis} for {@code kinto_redis.listeners}. A plugin adds a kind by shipping such a bean.
 */
public interface EventListenerFactory {

    /**
     * @param prefix the keys of this listener's own settings, e.g. {@code kinto.event_listeners.myqueue.}
     * @throws IllegalStateException naming the key of a bad setting: it stops startup
     */
    EventListener create(String prefix, Settings settings);
}

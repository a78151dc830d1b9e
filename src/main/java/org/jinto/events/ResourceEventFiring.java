package org.jinto.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jinto.api.events.ResourceEvent;

/**
 * Fires resource events as CDI events, through one {@link Event} per event class kept for the application's life.
 * Weld's {@code Event} remembers the observers it resolved for the last event class only; one {@code Event}
 * injected per request (into the request's {@link EventPublisher}) resolved them again for every event fired.
 */
@ApplicationScoped
public class ResourceEventFiring {

    @Inject
    Event<ResourceEvent> events;

    private final ClassValue<Event<ResourceEvent>> byClass = new ClassValue<>() {
        @Override
        protected Event<ResourceEvent> computeValue(Class<?> eventClass) {
            return events.select();
        }
    };

    void fire(ResourceEvent event) {
        byClass.get(event.getClass()).fire(event);
    }
}

package org.jinto.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The current request's {@link EventPublisher}, if the request created one. Most requests raise no event (a GET
 * raises none unless something observes reads): creating the request-scoped publisher only to find nothing to
 * fire was work on every request.
 */
@ApplicationScoped
public class RequestEvents {

    @Inject
    BeanManager beanManager;

    private volatile Bean<EventPublisher> publisherBean;

    /** The publisher the request used, or empty when nothing reported an event (or outside a request). */
    public Optional<EventPublisher> publisher() {
        try {
            return Optional.ofNullable(beanManager.getContext(RequestScoped.class).get(publisherBean()));
        } catch (ContextNotActiveException outsideRequest) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private Bean<EventPublisher> publisherBean() {
        Bean<EventPublisher> bean = publisherBean;
        if (bean == null) {
            bean = (Bean<EventPublisher>) beanManager.resolve(beanManager.getBeans(EventPublisher.class));
            publisherBean = bean;
        }
        return bean;
    }
}

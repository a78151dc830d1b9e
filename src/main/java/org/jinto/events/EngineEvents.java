package org.jinto.events;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.events.ResourceRead;
import org.jinto.resource.ResourceChange;
import org.jinto.resource.ResourceListener;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands every change and read of the resource engine to the {@link EventPublisher}, which turns them into the
 * plugin API's CDI events. Reads are handed over only if something observes their events: most servers have no
 * such observer, and a read's events were a twentieth of a GET's CPU time.
 */
@ApplicationScoped
public class EngineEvents implements ResourceListener {

    @Inject
    EventPublisher publisher;
    @Inject
    BeanManager beanManager;

    /** Until the application has started (its observers set up), reads raise their events. */
    private volatile boolean readsObserved = true;

    /** After the other startup observers, so that every {@link ReadInterest} knows its settings. */
    void askObservers(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @Initialized(ApplicationScoped.class)
                      Object event) {
        readsObserved = anyObserverWantsReads();
    }

    @Override
    public void changed(ResourceChange change) {
        publisher.changed(change.parentId(), payload(change),
                change.objects().stream().map(o -> new ImpactedObject(o.oldObject(), o.newObject())).toList());
    }

    @Override
    public boolean wantsReads() {
        return readsObserved;
    }

    @Override
    public void read(ResourceChange read) {
        publisher.read(read.parentId(), payload(read),
                read.objects().stream().map(ResourceChange.Impacted::newObject).toList());
    }

    private boolean anyObserverWantsReads() {
        EventPayload sample = new EventPayload(0, Action.READ, "/", null, "record", Map.of());
        Set<ObserverMethod<? super ResourceEvent>> observers = new HashSet<>(
                beanManager.resolveObserverMethods(new ResourceRead(sample, List.of())));
        observers.addAll(beanManager.resolveObserverMethods(new AfterResourceRead(sample, List.of())));
        for (ObserverMethod<?> observer : observers) {
            Bean<?> bean = observer.getDeclaringBean();
            if (bean == null || !ReadInterest.class.isAssignableFrom(bean.getBeanClass())
                    || ((ReadInterest) beanManager.getReference(bean, ReadInterest.class,
                    beanManager.createCreationalContext(bean))).wantsReads()) {
                return true;
            }
        }
        return false;
    }

    private static EventPayload payload(ResourceChange change) {
        return new EventPayload(change.timestamp(), change.action(), change.uri(),
                change.identity().userId(), change.resourceName(), change.ids());
    }
}

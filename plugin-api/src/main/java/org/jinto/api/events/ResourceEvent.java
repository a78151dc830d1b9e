package org.jinto.api.events;

/**
 * A CDI event about a Kinto resource. Observe a concrete type to pick the moment:
 * <ul>
 *   <li>{@link ResourceChanged} / {@link ResourceRead}: inside the request's transaction, before commit. An observer
 *       that throws aborts the request (or the whole batch) and rolls its changes back, so storage writes made by
 *       the observer are atomic with the change.</li>
 *   <li>{@link AfterResourceChanged} / {@link AfterResourceRead}: after a successful commit. Failures are only
 *       logged.</li>
 * </ul>
 * Events of one request are merged per resource, parent and action: a batch creating three records in one
 * collection fires one event with three impacted objects.
 */
public sealed interface ResourceEvent
        permits ResourceChanged, AfterResourceChanged, ResourceRead, AfterResourceRead {

    EventPayload payload();
}

package org.jinto.api.events;

/**
 * One configured event listener (Kinto's {@code ListenerBase}), made by an {@link EventListenerFactory}. The server
 * calls {@link #deliver} after commit, off the request thread, with the events that pass the listener's
 * {@code actions} and {@code resources} filters, one at a time and in commit order. An exception fails the delivery:
 * the server retries it with backoff (from its PostgreSQL outbox, or from memory on the memory storage).
 */
public interface EventListener extends AutoCloseable {

    /** @param event an {@link AfterResourceChanged} or {@link AfterResourceRead} */
    void deliver(ResourceEvent event) throws Exception;

    /** Releases the listener's connections when the server stops. */
    @Override
    default void close() {
    }
}

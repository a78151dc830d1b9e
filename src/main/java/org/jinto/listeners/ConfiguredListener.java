package org.jinto.listeners;

import org.jinto.api.events.Action;
import org.jinto.api.events.EventListener;
import org.jinto.api.events.ResourceEvent;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A listener of {@code kinto.event_listeners} with its filters, delivering on its own thread from a bounded queue:
 * the request that committed never waits for it nor fails because of it, and events reach it in commit order.
 * When the queue is full (the receiver is much slower than the writes), new events are dropped and logged.
 */
final class ConfiguredListener implements AutoCloseable {

    static final int QUEUE_SIZE = 10_000;
    private static final Logger LOG = Logger.getLogger(ConfiguredListener.class.getName());

    private final String name;
    private final Set<Action> actions;
    private final Set<String> resources;
    private final EventListener listener;
    private final ThreadPoolExecutor executor;

    /** @param resources the resource names to deliver, all if empty */
    ConfiguredListener(String name, Set<Action> actions, Set<String> resources, EventListener listener) {
        this.name = name;
        this.actions = Set.copyOf(actions);
        this.resources = Set.copyOf(resources);
        this.listener = listener;
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_SIZE), task -> {
            Thread thread = new Thread(task, "jinto-event-listener-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the event for delivery if it passes the filters; never blocks. */
    void offer(ResourceEvent event) {
        if (!actions.contains(event.payload().action())
                || !resources.isEmpty() && !resources.contains(event.payload().resourceName())) {
            return;
        }
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Event listener " + name + " is " + QUEUE_SIZE + " events behind (or stopping): dropped "
                    + event.payload().action().value() + " " + event.payload().uri());
        }
    }

    private void deliver(ResourceEvent event) {
        try {
            listener.deliver(event);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Event listener " + name + " failed to deliver " + event.payload().action().value()
                    + " " + event.payload().uri(), e);
        }
    }

    /** Delivers what is queued (for a few seconds at most), then closes the listener. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        listener.close();
    }
}

package org.jinto.listeners;

import org.jinto.api.events.Action;
import org.jinto.api.events.EventListener;
import org.jinto.api.events.ResourceEvent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A listener of {@code kinto.event_listeners} with its filters and retries. Without the PostgreSQL outbox (memory
 * storage; reads on any storage) it delivers on its own thread from a bounded queue: the request that committed
 * never waits for it nor fails because of it, and events reach it in commit order, each retried up to its maximum
 * attempts, later events waiting meanwhile. When the queue is full (the receiver is much slower than the writes),
 * new events are dropped and logged. Nothing of this queue survives a restart.
 */
final class ConfiguredListener implements AutoCloseable {

    static final int QUEUE_SIZE = 10_000;
    private static final Logger LOG = Logger.getLogger(ConfiguredListener.class.getName());

    private final String name;
    private final Set<Action> actions;
    private final Set<String> resources;
    private final EventListener listener;
    private final Retries retries;
    private final ThreadPoolExecutor executor;

    /** @param resources the resource names to deliver, all if empty */
    ConfiguredListener(String name, Set<Action> actions, Set<String> resources, EventListener listener, Retries retries) {
        this.name = name;
        this.actions = Set.copyOf(actions);
        this.resources = Set.copyOf(resources);
        this.listener = listener;
        this.retries = retries;
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_SIZE), task -> {
            Thread thread = new Thread(task, "jinto-event-listener-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    String name() {
        return name;
    }

    EventListener listener() {
        return listener;
    }

    Retries retries() {
        return retries;
    }

    /** Whether the event passes the listener's {@code .actions} and {@code .resources} filters. */
    boolean takesReads() {
        return actions.contains(Action.READ);
    }

    boolean accepts(ResourceEvent event) {
        return actions.contains(event.payload().action())
                && (resources.isEmpty() || resources.contains(event.payload().resourceName()));
    }

    /** Queues the event for delivery from memory if it passes the filters; never blocks. */
    void offer(ResourceEvent event) {
        if (!accepts(event)) {
            return;
        }
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Event listener " + name + " is " + QUEUE_SIZE + " events behind (or stopping): dropped "
                    + describe(event));
        }
    }

    private void deliver(ResourceEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                listener.deliver(event);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (attempt >= retries.maxAttempts()) {
                    LOG.log(Level.SEVERE, "Event listener " + name + " failed to deliver " + describe(event)
                            + " after " + attempt + " attempts", e);
                    return;
                }
                int failures = attempt;
                Duration wait = retries.backoff(failures);
                LOG.info(() -> "Event listener " + name + " failed to deliver " + describe(event) + " (attempt "
                        + failures + ": " + e + "); retrying in " + wait.toMillis() + " ms");
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static String describe(ResourceEvent event) {
        return event.payload().action().value() + " " + event.payload().uri();
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

package org.jinto.listeners;

import org.jinto.changelog.ListenerDeliveries;
import org.jinto.database.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one listener's events from its PostgreSQL outbox, on a thread of its own: the changes committed by any
 * node, oldest first, each deleted once delivered, a failure retried after its backoff while the later ones wait
 * (commit order is kept). Among the nodes, the one holding the listener's advisory lock delivers (on a dedicated
 * connection, so a crash releases it); the others try to take it over every few seconds. An event is delivered
 * twice only when a node dies between delivering it and deleting its row.
 */
final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 100;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration TAKEOVER = Duration.ofSeconds(5);
    private static final Duration COUNT_EVERY = Duration.ofSeconds(5);

    private final ConfiguredListener listener;
    private final Database database;
    private final ListenerDeliveries outbox;
    private final AtomicLong size;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** @param size where the outbox size is written, when the metrics are reported (else null) */
    OutboxDispatcher(ConfiguredListener listener, Database database, AtomicLong size) {
        this.listener = listener;
        this.database = database;
        this.outbox = new ListenerDeliveries(database, listener.name());
        this.size = size;
        thread = new Thread(this::run, "jinto-outbox-" + listener.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Something was committed: look at the outbox now rather than at the next poll. */
    void wakeUp() {
        wakeUp.release();
    }

    private void run() {
        Connection lock = null;
        boolean holder = false;
        long counted = System.nanoTime() - COUNT_EVERY.toNanos() - 1;
        while (running) {
            Duration pause = TAKEOVER;
            try {
                if (lock == null || !lock.isValid(5)) {
                    close(lock);
                    lock = database.openDedicated("jinto-outbox-" + listener.name());
                    holder = false;
                }
                holder = holder || outbox.tryLock(lock);
                if (size != null && System.nanoTime() - counted > COUNT_EVERY.toNanos()) {
                    size.set(outbox.size());
                    counted = System.nanoTime();
                }
                if (holder) {
                    pause = deliverDue();
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "The outbox of event listener " + listener.name() + " is unreachable", e);
                close(lock);
                lock = null;
            }
            pause(pause, holder);
        }
        close(lock);
    }

    /** Delivers the oldest due events; answers how long to wait before looking again. */
    private Duration deliverDue() {
        List<ListenerDeliveries.Pending> pending = outbox.oldest(BATCH, listener.retries().retention());
        for (ListenerDeliveries.Pending event : pending) {
            if (!running) {
                return Duration.ZERO;
            }
            if (event.expired()) {
                LOG.severe(() -> "Event listener " + listener.name() + " gave up on " + ConfiguredListener.describe(event.event())
                        + " after " + event.attempts() + " attempts: older than " + listener.retries().retention());
                outbox.done(event.changeId());
                continue;
            }
            if (!event.due()) {
                return POLL;
            }
            try {
                listener.listener().deliver(event.event());
            } catch (InterruptedException e) {
                return Duration.ZERO;
            } catch (Exception e) {
                Duration backoff = listener.retries().backoff(event.attempts() + 1);
                LOG.info(() -> "Event listener " + listener.name() + " failed to deliver "
                        + ConfiguredListener.describe(event.event()) + " (attempt " + (event.attempts() + 1) + ": " + e
                        + "); retrying in " + backoff.toMillis() + " ms");
                outbox.failed(event.changeId(), backoff);
                return backoff.compareTo(POLL) < 0 ? backoff : POLL;
            }
            outbox.done(event.changeId());
        }
        return pending.size() == BATCH ? Duration.ZERO : POLL;
    }

    /** Waits, cut short by {@link #wakeUp} on the node delivering (the others only wait to take over). */
    private void pause(Duration pause, boolean wakeable) {
        try {
            if (!wakeable) {
                Thread.sleep(pause.toMillis());
            } else if (wakeUp.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing an outbox lock connection failed", e);
            }
        }
    }

    /** Stops after the event being delivered; what is left stays in the outbox for the next start or node. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.jinto.changelog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.database.Database;
import org.jinto.events.RemoteResourceChanged;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the nodes on one PostgreSQL database one service: each change another node commits is fired here as a
 * {@link RemoteResourceChanged}, for this node's change streams and local caches. A dedicated connection (not one
 * of the pool) LISTENs on {@value ChangeLog#CHANNEL}; a notification (sent at commit only) or a poll every second
 * reads the change log after the last change fired, so a notification lost with the connection loses nothing. On a
 * connection failure it reconnects with a doubling wait (up to 30 s) and resumes from that same change, as long as
 * the outage is shorter than {@code kinto.change_log_retention_seconds}.
 */
@ApplicationScoped
public class NodeBus {

    static final String APPLICATION_NAME = "jinto-node-bus";
    private static final Logger LOG = Logger.getLogger(NodeBus.class.getName());
    private static final int POLL_MILLIS = 1000;
    private static final int BATCH = 100;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    @Inject
    ChangeLog changeLog;
    @Inject
    Event<RemoteResourceChanged> remote;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!changeLog.sharedWithNodes()) {
            return;
        }
        Database database = changeLog.database().orElseThrow();
        running = true;
        thread = new Thread(() -> listen(database), APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void listen(Database database) {
        ChangeLog.Cursor cursor = null;
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection connection = database.openDedicated(APPLICATION_NAME)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeLog.CHANNEL);
                }
                if (cursor == null) {
                    cursor = changeLog.now(connection);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                retry = FIRST_RETRY;
                while (running) {
                    cursor = fireAfter(connection, cursor);
                    notifications.getNotifications(POLL_MILLIS);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Reading the other nodes' changes failed; reconnecting in " + retry.toMillis()
                        + " ms", e);
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** Fires every change committed by another node after {@code cursor}; answers the cursor past the last. */
    private ChangeLog.Cursor fireAfter(Connection connection, ChangeLog.Cursor cursor) throws SQLException {
        List<ChangeLog.Change> changes;
        do {
            changes = changeLog.readAfter(connection, cursor, BATCH);
            for (ChangeLog.Change change : changes) {
                try {
                    remote.fire(new RemoteResourceChanged(change.event()));
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "An observer failed on the remote change of " + change.event().payload().uri(), e);
                }
                cursor = change.cursor();
            }
        } while (changes.size() == BATCH);
        return cursor;
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

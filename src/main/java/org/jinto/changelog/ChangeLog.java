package org.jinto.changelog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.storage.Storage;
import org.jinto.backend.BackendSelector;
import org.jinto.backend.Backends;
import org.jinto.database.Database;
import org.jinto.database.Databases;
import org.jinto.database.Sql;
import org.jinto.events.EventJson;
import org.jinto.json.JsonText;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code change_log} table of the PostgreSQL storage database (migration V3): each committed change as the
 * JSON of its {@link AfterResourceChanged}, written in the transaction of the request that made it, so a change
 * that rolls back leaves no row and a committed one is never lost. Rows serve the other nodes
 * ({@code kinto.change_log_retention_seconds}: how long they stay readable; default 0, a single node: no change log
 * for other nodes, as writing it and its NOTIFY halve the write rate) and the event listeners' outbox (kept until delivered). Absent on the memory storage.
 */
@ApplicationScoped
public class ChangeLog {

    static final String RETENTION_KEY = "kinto.change_log_retention_seconds";
    static final String CHANNEL = "jinto_changes";
    private static final Logger LOG = Logger.getLogger(ChangeLog.class.getName());

    /** A position in the log: rows after it in (xid, id) order have not been read. */
    public record Cursor(String xid, long id) {
    }

    /** A change another node committed, and the cursor just past it. */
    public record Change(Cursor cursor, AfterResourceChanged event) {
    }

    @Inject
    Settings settings;
    @Inject
    Databases databases;
    @Inject
    Storage storage;

    /** This process among the nodes: its own rows are announced locally, not read back. */
    private final String node = UUID.randomUUID().toString();
    private Database database;
    private boolean resolved;
    private ScheduledExecutorService pruning;

    /** For CDI, which injects the fields. */
    public ChangeLog() {
    }

    /** Outside a web application, on the storage database {@code database}. */
    public ChangeLog(Settings settings, Database database) {
        this.settings = settings;
        this.database = database;
        this.resolved = true;
    }

    /** The storage database when the storage is PostgreSQL's: the change log lives there. */
    public synchronized Optional<Database> database() {
        if (!resolved) {
            storage.toString(); // creates the backend, which migrates its schema
            String backend = settings.get(Backends.STORAGE_KEY, Backends.DEFAULT_BACKEND);
            if ("postgresql".equals(BackendSelector.shortName(backend))) {
                database = databases.connect("storage");
            }
            resolved = true;
        }
        return Optional.ofNullable(database);
    }

    /** Whether other nodes are told of this node's changes and this node of theirs. */
    public boolean sharedWithNodes() {
        return retentionSeconds() > 0 && database().isPresent();
    }

    long retentionSeconds() {
        return settings.getLong(RETENTION_KEY, 0);
    }

    /**
     * Writes the change in the current transaction, to be delivered to the named listeners, and notifies the other
     * nodes at commit. Nothing is written when neither needs it.
     */
    public void append(ResourceChanged change, Collection<String> listeners) {
        boolean shared = sharedWithNodes();
        if (database().isEmpty() || !shared && listeners.isEmpty()) {
            return;
        }
        JsonObject json = EventJson.of(change);
        database.run(connection -> {
            long id = new Sql("INSERT INTO change_log (node, event) VALUES (").param(node)
                    .add(", ").param(json.toString()).add("::json) RETURNING id")
                    .first(connection, row -> row.getLong(1));
            if (!listeners.isEmpty()) {
                new Sql("INSERT INTO listener_deliveries (listener, change_id) SELECT unnest(")
                        .param(listeners.toArray(String[]::new)).add("), ").param(id).update(connection);
            }
            if (shared) {
                // Delivered at commit only, and coalesced with the transaction's other notifications.
                new Sql("SELECT pg_notify('" + CHANNEL + "', '')").first(connection, row -> null);
            }
            return null;
        });
    }

    /** Where a node starts reading: every change committed from now on comes after it. */
    Cursor now(Connection connection) throws SQLException {
        return new Sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
                .first(connection, row -> new Cursor(row.getString(1), 0));
    }

    /**
     * The other nodes' changes after {@code cursor}, oldest first, among those whose transaction and every older
     * one have ended (a transaction still open may yet commit rows with smaller ids).
     */
    List<Change> readAfter(Connection connection, Cursor cursor, int limit) throws SQLException {
        return new Sql("SELECT xid::text, id, event::text FROM change_log WHERE (xid, id) > (")
                .param(cursor.xid()).add("::xid8, ").param(cursor.id())
                .add(") AND xid < pg_snapshot_xmin(pg_current_snapshot()) AND node <> ").param(node)
                .add(" ORDER BY xid, id LIMIT ").param(limit)
                .list(connection, row -> new Change(new Cursor(row.getString(1), row.getLong(2)),
                        EventJson.change((JsonObject) JsonText.read(row.getString(3)))));
    }

    /** Prunes the log every minute while the application runs. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (database().isEmpty()) {
            return;
        }
        pruning = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jinto-change-log-pruning");
            thread.setDaemon(true);
            return thread;
        });
        pruning.scheduleWithFixedDelay(this::pruneNow, 1, 1, TimeUnit.MINUTES);
    }

    private void pruneNow() {
        try {
            database.run(this::prune);
        } catch (RuntimeException e) {
            // The next round tries again; a failure must not end the schedule.
            LOG.log(Level.WARNING, "Pruning the change log failed", e);
        }
    }

    /** Deletes the changes older than the retention that no listener still has to receive. */
    int prune(Connection connection) throws SQLException {
        return new Sql("DELETE FROM change_log c WHERE created < now() - make_interval(secs => ")
                .param((double) retentionSeconds())
                .add(") AND NOT EXISTS (SELECT 1 FROM listener_deliveries d WHERE d.change_id = c.id)")
                .update(connection);
    }

    @PreDestroy
    void stop() {
        if (pruning != null) {
            pruning.shutdownNow();
        }
    }
}

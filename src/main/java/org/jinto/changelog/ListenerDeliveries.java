package org.jinto.changelog;

import jakarta.json.JsonObject;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.jinto.events.EventJson;
import org.jinto.json.JsonText;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The outbox of one event listener: its rows of {@code listener_deliveries}, each pointing at a change of the
 * {@link ChangeLog}, taken oldest first and deleted once delivered. One node at a time delivers them: the one
 * holding the listener's session advisory lock ({@link #tryLock}), released by PostgreSQL when that node's
 * connection ends (a crash), so another node takes over without any lease to expire.
 */
public final class ListenerDeliveries {

    /** A change to deliver; {@code due} false while it waits out its backoff; {@code expired} past the retention. */
    public record Pending(long changeId, int attempts, boolean due, boolean expired, AfterResourceChanged event) {
    }

    private final Database database;
    private final String listener;

    public ListenerDeliveries(Database database, String listener) {
        this.database = database;
        this.listener = listener;
    }

    /** Takes the listener's delivery lock for the session of {@code connection} (a dedicated one), if free. */
    public boolean tryLock(Connection connection) throws SQLException {
        return new Sql("SELECT pg_try_advisory_lock(hashtext(").param("jinto_listener_deliveries").add("), hashtext(")
                .param(listener).add("))").first(connection, row -> row.getBoolean(1));
    }

    /** The oldest changes still to deliver, in the order of their ids. */
    public List<Pending> oldest(int limit, Duration retention) {
        return database.run(connection -> new Sql("SELECT d.change_id, d.attempts, d.due <= now(), c.created < now() - ")
                .add("make_interval(secs => ").param((double) retention.toSeconds()).add("), c.event::text")
                .add(" FROM listener_deliveries d JOIN change_log c ON c.id = d.change_id WHERE d.listener = ")
                .param(listener).add(" ORDER BY d.change_id LIMIT ").param(limit)
                .list(connection, row -> new Pending(row.getLong(1), row.getInt(2), row.getBoolean(3),
                        row.getBoolean(4), EventJson.change((JsonObject) JsonText.read(row.getString(5))))));
    }

    /** Removes a delivered (or abandoned) change from the outbox. */
    public void done(long changeId) {
        database.run(connection -> new Sql("DELETE FROM listener_deliveries WHERE listener = ").param(listener)
                .add(" AND change_id = ").param(changeId).update(connection));
    }

    /** Records a failed attempt: the change is due again after {@code backoff}. */
    public void failed(long changeId, Duration backoff) {
        database.run(connection -> new Sql("UPDATE listener_deliveries SET attempts = attempts + 1, due = now() + ")
                .add("make_interval(secs => ").param(backoff.toMillis() / 1000.0).add(") WHERE listener = ")
                .param(listener).add(" AND change_id = ").param(changeId).update(connection));
    }

    /** How many changes the listener has still to receive (the outbox size). */
    public long size() {
        return database.run(connection -> new Sql("SELECT count(*) FROM listener_deliveries WHERE listener = ")
                .param(listener).first(connection, row -> row.getLong(1)));
    }
}

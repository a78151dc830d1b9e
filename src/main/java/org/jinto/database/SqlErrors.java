package org.jinto.database;

import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.storage.BackendException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Sorts database failures: an unreachable or overloaded database, a dropped connection (also one ended for
 * idling in a transaction), a deadlock or a serialization failure are {@link BackendException}s (503, retry later); text PostgreSQL cannot store (the NUL
 * character) is the client's error (400); anything else is a bug (500).
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("22P05") || state.equals("22021")) {
            return new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters",
                    "Text containing the NUL character (\\u0000) cannot be stored.");
        }
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40") || state.equals("55P03") || state.equals("25P03")) {
            return new BackendException("PostgreSQL is unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("Unexpected PostgreSQL error " + state + ": " + e.getMessage(), e);
    }

    /** EclipseLink wraps the driver's exception when a transaction cannot begin, commit or roll back. */
    public static RuntimeException translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return translate(sql);
            }
        }
        return new BackendException("PostgreSQL transaction failed: " + e.getMessage(), e);
    }
}

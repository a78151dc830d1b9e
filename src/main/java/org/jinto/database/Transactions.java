package org.jinto.database;

import org.jinto.database.Database;
import org.jinto.database.SqlWork;

/**
 * Request-scoped transactions. {@link org.jinto.http.TransactionFilter} opens a unit of work for each request;
 * database work on that thread joins it, and the filter commits it when the answer is a success (status &lt; 500)
 * unless someone called {@link #markRollbackOnly()} (the batch endpoint does when a subrequest fails).
 * Outside a request (startup, heartbeat threads, tests) each backend call runs in a transaction of its own.
 */
public final class Transactions {

    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private Transactions() {
    }

    /** Opens the unit of work of the current thread's request; close it when the request ends. */
    public static UnitOfWork begin() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("A unit of work is already open on this thread");
        }
        UnitOfWork unit = new UnitOfWork(CURRENT::remove);
        CURRENT.set(unit);
        return unit;
    }

    /** The current request's writes will be rolled back whatever its status. No effect outside a request. */
    public static void markRollbackOnly() {
        UnitOfWork unit = CURRENT.get();
        if (unit != null) {
            unit.markRollbackOnly();
        }
    }

    /** Whether the current request's writes will be rolled back whatever its status. False outside a request. */
    public static boolean isRollbackOnly() {
        UnitOfWork unit = CURRENT.get();
        return unit != null && unit.isRollbackOnly();
    }

    /**
     * Runs reads: in the current unit's transaction on that database once one is open (they then see its writes),
     * else outside any transaction, so that a request that only reads never pays a commit.
     */
    public static <T> T read(Database database, SqlWork<T> work) {
        UnitOfWork current = CURRENT.get();
        if (current != null && current.inTransaction(database)) {
            return current.run(database, work);
        }
        return database.readOutsideTransaction(work);
    }

    /** Runs work in the current unit of work, or else in a transaction committed before returning. */
    public static <T> T run(Database database, SqlWork<T> work) {
        UnitOfWork current = CURRENT.get();
        if (current != null) {
            return current.run(database, work);
        }
        try (UnitOfWork own = new UnitOfWork(() -> { })) {
            T result = own.run(database, work);
            own.commit();
            return result;
        }
    }
}

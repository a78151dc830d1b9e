package org.jinto.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.jinto.database.Database;
import org.jinto.database.SqlErrors;
import org.jinto.database.SqlWork;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactions of one request (or of one standalone backend call): one JPA (EclipseLink) resource-local
 * transaction per database, begun on the first use of that database, whose JDBC connection the backends' native
 * SQL runs on. Storage and permissions share one transaction when they share a database.
 */
public final class UnitOfWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    /** An open transaction and its connection (looked up once: unwrapping is not free). */
    private record Open(EntityManager entityManager, Connection connection) {
    }

    private final Map<Database, Open> open = new LinkedHashMap<>();
    private final Runnable onClose;
    private boolean rollbackOnly;

    UnitOfWork(Runnable onClose) {
        this.onClose = onClose;
    }

    /** Runs work on the database's connection; a database failure dooms the whole unit to roll back. */
    <T> T run(Database database, SqlWork<T> work) {
        try {
            return work.apply(connection(database));
        } catch (SQLException e) {
            rollbackOnly = true;
            throw SqlErrors.translate(e);
        }
    }

    private Connection connection(Database database) {
        Open current = open.get(database);
        if (current == null) {
            EntityManager entityManager = database.entityManagers().createEntityManager();
            try {
                entityManager.getTransaction().begin();
                current = new Open(entityManager, entityManager.unwrap(Connection.class));
            } catch (RuntimeException e) {
                discard(entityManager);
                rollbackOnly = true;
                throw SqlErrors.translate(e);
            }
            open.put(database, current);
        }
        return current.connection();
    }

    public void markRollbackOnly() {
        rollbackOnly = true;
    }

    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    /**
     * Commits every open transaction, or rolls them back if the unit is rollback-only.
     * @throws org.jinto.api.storage.BackendException if a commit fails (the data of that database is not stored)
     */
    public void commit() {
        if (rollbackOnly) {
            rollback();
            return;
        }
        try {
            for (Open transaction : open.values()) {
                transaction.entityManager().getTransaction().commit();
            }
        } catch (RuntimeException e) {
            rollbackOnly = true;
            throw SqlErrors.translate(e);
        } finally {
            rollback();
        }
    }

    /** Rolls back what is still open (nothing after a successful commit) and releases the connections. */
    public void rollback() {
        open.values().forEach(transaction -> discard(transaction.entityManager()));
        open.clear();
    }

    @Override
    public void close() {
        try {
            rollback();
        } finally {
            onClose.run();
        }
    }

    private static void discard(EntityManager entityManager) {
        try {
            EntityTransaction transaction = entityManager.getTransaction();
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            // The connection is gone (database down): there is nothing left to roll back.
            LOG.log(Level.FINE, "Rollback failed", e);
        } finally {
            entityManager.close();
        }
    }
}

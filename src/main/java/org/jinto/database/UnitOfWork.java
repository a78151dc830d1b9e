package org.jinto.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactions of one request (or of one standalone backend call), begun on the first use of each database:
 * one JPA (EclipseLink) resource-local transaction per pooled database, and on an application server one JTA
 * transaction that every database on its DataSources joins. The backends' native SQL runs on the JDBC connection of
 * the database's entity manager. Storage and permissions share one transaction when they share a database.
 */
public final class UnitOfWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    /** An open transaction and its connection (looked up once: unwrapping is not free). */
    private record Open(EntityManager entityManager, Connection connection) {
    }

    private final Map<Database, Open> open = new LinkedHashMap<>();
    private final Runnable onClose;
    /** The application server's transaction, once a database on its DataSource is used. */
    private ContainerTransactions.Transaction containerTransaction;
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

    /** Whether work on {@code database} joins a transaction already begun: an open one, or the server's (JTA). */
    boolean inTransaction(Database database) {
        return open.containsKey(database) || database.containerTransactions() != null;
    }

    private Connection connection(Database database) {
        Open current = open.get(database);
        if (current == null) {
            EntityManager entityManager = null;
            ContainerTransactions container = database.containerTransactions();
            try {
                if (container == null) {
                    entityManager = database.entityManagers().createEntityManager();
                    entityManager.getTransaction().begin();
                } else {
                    if (containerTransaction == null) {
                        containerTransaction = container.join();
                    }
                    entityManager = database.entityManagers().createEntityManager();
                    entityManager.joinTransaction();
                }
                // In a JTA unit, EclipseLink takes this connection from the server's DataSource inside the server's
                // transaction, so the pool enlists it there (and gives it back when the transaction completes):
                // the SQL commits with whatever else the transaction holds. The same path as resource-local rather
                // than a connection of our own from the DataSource, so JPA work and SQL always share one connection.
                current = new Open(entityManager, entityManager.unwrap(Connection.class));
            } catch (RuntimeException e) {
                if (entityManager != null) {
                    discard(entityManager, container == null);
                }
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
            for (Map.Entry<Database, Open> transaction : open.entrySet()) {
                if (transaction.getKey().containerTransactions() == null) {
                    transaction.getValue().entityManager().getTransaction().commit();
                }
            }
            if (containerTransaction != null) {
                containerTransaction.commit();
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
        try {
            if (containerTransaction != null) {
                containerTransaction.rollback();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Rollback failed", e);
        } finally {
            containerTransaction = null;
            open.forEach((database, transaction) ->
                    discard(transaction.entityManager(), database.containerTransactions() == null));
            open.clear();
        }
    }

    @Override
    public void close() {
        try {
            rollback();
        } finally {
            onClose.run();
        }
    }

    /** Closes the entity manager, rolling back its resource-local transaction (a JTA one ends with the server's). */
    private static void discard(EntityManager entityManager, boolean resourceLocal) {
        try {
            if (resourceLocal) {
                EntityTransaction transaction = entityManager.getTransaction();
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } catch (RuntimeException e) {
            // The connection is gone (database down): there is nothing left to roll back.
            LOG.log(Level.FINE, "Rollback failed", e);
        } finally {
            entityManager.close();
        }
    }
}

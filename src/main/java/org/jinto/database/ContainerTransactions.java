package org.jinto.database;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import org.eclipse.persistence.config.TargetServer;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;

/**
 * The JTA transactions of an application server (Payara, GlassFish, WildFly): the units of work of a database on
 * the server's DataSource begin and end through its {@link UserTransaction}, so every connection taken from that
 * DataSource during a unit is enlisted by the server's pool in one transaction. Only loaded where such a server
 * answers: servlet containers have no {@code jakarta.transaction} classes.
 */
final class ContainerTransactions {

    /** EclipseLink's platform for each server, by the JNDI name of that server's TransactionManager. */
    private static final Map<String, String> PLATFORMS = Map.of(
            "java:appserver/TransactionManager", TargetServer.Glassfish,
            "java:/TransactionManager", TargetServer.WildFly);

    private final UserTransaction userTransaction;
    private final TransactionSynchronizationRegistry registry;
    private final String platform;

    private ContainerTransactions(UserTransaction userTransaction, TransactionSynchronizationRegistry registry,
                                  String platform) {
        this.userTransaction = userTransaction;
        this.registry = registry;
        this.platform = platform;
    }

    /**
     * The server's transactions, looked up once here (JNDI's {@code java:comp} answers on the application's threads
     * only, the objects then serve any thread), or null when no application server EclipseLink knows answers.
     */
    static ContainerTransactions lookup() {
        InitialContext context;
        try {
            context = new InitialContext();
        } catch (NamingException e) {
            return null;
        }
        for (Map.Entry<String, String> platform : PLATFORMS.entrySet()) {
            if (find(context, platform.getKey()) != null
                    && find(context, "java:comp/UserTransaction") instanceof UserTransaction userTransaction
                    && find(context, "java:comp/TransactionSynchronizationRegistry")
                    instanceof TransactionSynchronizationRegistry registry) {
                return new ContainerTransactions(userTransaction, registry, platform.getValue());
            }
        }
        return null;
    }

    private static Object find(InitialContext context, String name) {
        try {
            return context.lookup(name);
        } catch (NamingException e) {
            return null;
        }
    }

    /** EclipseLink's {@code eclipselink.target-server}: how its JTA persistence unit finds the transaction. */
    String platform() {
        return platform;
    }

    /**
     * Begins a transaction on this thread, or joins the one the server already runs there (an EJB or a
     * {@code @Transactional} caller), whose owner then decides its outcome.
     */
    Transaction join() {
        try {
            if (registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
                return new Transaction(false);
            }
            userTransaction.begin();
            return new Transaction(true);
        } catch (Exception e) {
            throw SqlErrors.translate(new IllegalStateException("Cannot begin a JTA transaction", e));
        }
    }

    /** One unit of work's part in the server's transaction. */
    final class Transaction {

        private final boolean owner;

        private Transaction(boolean owner) {
            this.owner = owner;
        }

        /** Commits if this unit began the transaction; a joined one is the caller's to commit. */
        void commit() {
            if (owner) {
                try {
                    userTransaction.commit();
                } catch (Exception e) {
                    throw SqlErrors.translate(new IllegalStateException("JTA commit failed", e));
                }
            }
        }

        /** Rolls back what is still active if this unit began it, else dooms the caller's transaction. */
        void rollback() {
            try {
                if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
                    return;
                }
                if (owner) {
                    userTransaction.rollback();
                } else {
                    registry.setRollbackOnly();
                }
            } catch (SystemException | RuntimeException e) {
                throw SqlErrors.translate(new IllegalStateException("JTA rollback failed", e));
            }
        }
    }
}

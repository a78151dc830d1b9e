package org.jinto.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One PostgreSQL database: a connection pool (HikariCP, or the container's DataSource for a {@code java:} URL),
 * the JPA persistence unit whose transactions carry the backends' native SQL, and the Flyway migrations of the
 * schemas living there. The unit is resource-local (EclipseLink begins and commits on the pool's connection) except
 * on an application server's DataSource, where it is a JTA unit: the server's pool hands out connections enlisted in
 * the server's transactions and does not let the application commit them itself.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** The unit is named so that application servers, which deploy META-INF/persistence.xml, leave it alone. */
    static final String PERSISTENCE_XML = "META-INF/jinto-persistence.xml";
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic");

    private final String description;
    private final DataSource dataSource;
    private final HikariDataSource pool;
    private final EntityManagerFactory entityManagers;
    /** The application server's transactions for a JTA unit; null for a resource-local one. */
    private final ContainerTransactions containerTransactions;

    private Database(String description, DataSource dataSource, HikariDataSource pool,
                     ContainerTransactions containerTransactions) {
        this.description = description;
        this.dataSource = dataSource;
        this.pool = pool;
        this.containerTransactions = containerTransactions;
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, PERSISTENCE_XML);
        if (containerTransactions == null) {
            properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        } else {
            properties.put(PersistenceUnitProperties.TRANSACTION_TYPE, "JTA");
            properties.put(PersistenceUnitProperties.JTA_DATASOURCE, dataSource);
            properties.put(PersistenceUnitProperties.TARGET_SERVER, containerTransactions.platform());
        }
        this.entityManagers = new PersistenceProvider().createEntityManagerFactory("jinto", properties);
        if (entityManagers == null) {
            throw new IllegalStateException("Persistence unit 'jinto' not found in " + PERSISTENCE_XML);
        }
    }

    public static Database open(DatabaseConfig config) {
        DatabaseUrl url = DatabaseUrl.parse(config.url());
        String description = DatabaseUrl.redact(config.url());
        if (url.jndiName() != null) {
            // A servlet container's DataSource (Tomcat) has no transaction manager behind it: resource-local.
            ContainerTransactions transactions = ContainerTransactions.lookup();
            LOG.info(() -> "Database " + description + ": " + (transactions == null ? "resource-local transactions"
                    : "JTA transactions of the server (" + transactions.platform() + ")"));
            return new Database(description, lookup(url.jndiName()), null, transactions);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("jinto " + description);
        hikari.setDriverClassName("org.postgresql.Driver");
        hikari.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            hikari.setUsername(url.user());
        }
        if (url.password() != null) {
            hikari.setPassword(url.password());
        }
        // Kinto's pool_size connections plus max_overflow, opened on demand and closed after idling.
        hikari.setMaximumPoolSize(config.poolSize() + config.maxOverflow());
        hikari.setMinimumIdle(0);
        // Closed after 30 s idle rather than HikariCP's 10 minutes: a burst's connections would otherwise stay open
        // long after it, and several servers sharing one PostgreSQL run out of its max_connections (100 by default).
        hikari.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        hikari.setConnectionTimeout(Duration.ofSeconds(config.poolTimeoutSeconds()).toMillis());
        if (config.poolRecycleSeconds() > 0) {
            hikari.setMaxLifetime(Duration.ofSeconds(config.poolRecycleSeconds()).toMillis());
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            return new Database(description, pool, pool, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No DataSource at JNDI name " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings the schema {@code name} (scripts in {@code db/migration/<name>}, history in
     * {@code jinto_<name>_schema_history}) up to date, or with {@code apply} false only checks that it is.
     *
     * @return the number of migrations applied
     */
    public int migrate(String name, boolean apply) {
        Flyway flyway = flyway(name);
        int applied = 0;
        if (apply) {
            applied = flyway.migrate().migrationsExecuted;
        } else {
            flyway.validate();
        }
        warnAboutCollation();
        return applied;
    }

    /** The migrations of the schema {@code name} not applied yet ({@code V1 objects and timestamps}); reads only. */
    public List<String> pendingMigrations(String name) {
        return Arrays.stream(flyway(name).info().pending())
                .map(migration -> "V" + migration.getVersion() + " " + migration.getDescription())
                .toList();
    }

    private Flyway flyway(String name) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + name)
                .table("jinto_" + name + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Strings sort by the database's collation; Jinto's memory backend (and Kinto's) sort by code point. */
    private void warnAboutCollation() {
        run(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
                String collation = row.next() ? row.getString(1) : "C";
                if (!CODE_POINT_COLLATIONS.contains(collation)) {
                    LOG.warning(() -> "Database " + description + " has collation " + collation
                            + ": strings in records sort by it, not by code point as the memory backend does. "
                            + "Create the database with LC_COLLATE 'C' for that order.");
                }
            }
            return null;
        });
    }

    /** Runs work in the current request's transaction, or in one of its own outside a request. */
    public <T> T run(SqlWork<T> work) {
        return Transactions.run(this, work);
    }

    /**
     * Runs reads in the current request's transaction once it has begun on this database (or always on an
     * application server's DataSource), else on a pooled connection in autocommit mode: a request that only reads
     * sends its statements and no BEGIN or COMMIT. Each statement then sees what was committed when it started,
     * as it would in a READ COMMITTED transaction.
     */
    public <T> T read(SqlWork<T> work) {
        return Transactions.read(this, work);
    }

    /** Work on a connection of the pool in autocommit mode (resource-local units only), given back at once. */
    <T> T readOutsideTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.apply(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Throws {@link org.jinto.api.storage.BackendException} unless the database answers. */
    public void ping() {
        run(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /**
     * A connection of its own, outside the pool, for work that holds it for long (LISTEN, session advisory locks):
     * named {@code applicationName} in {@code pg_stat_activity}; on a container's DataSource, one of its connections.
     * The caller closes it.
     */
    public Connection openDedicated(String applicationName) throws SQLException {
        Connection connection;
        if (pool != null) {
            Properties properties = new Properties();
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", applicationName);
            connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        } else {
            connection = dataSource.getConnection();
            connection.setClientInfo("ApplicationName", applicationName);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    public EntityManagerFactory entityManagers() {
        return entityManagers;
    }

    /** The application server's transactions when the unit is a JTA one, else null. */
    ContainerTransactions containerTransactions() {
        return containerTransactions;
    }

    @Override
    public void close() {
        entityManagers.close();
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}

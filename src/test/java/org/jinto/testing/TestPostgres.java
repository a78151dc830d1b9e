package org.jinto.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL for tests: the server at 127.0.0.1:5432 (user postgres, trust) when it answers, else an embedded one
 * (zonky) started once per JVM, so the tests also pass on a machine with only Java and Maven. Each caller gets a
 * database of its own, created with code-point collation, without synchronous commits, dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/%s?user=postgres";
    private static String serverUrl;
    private static final List<String> CREATED = new ArrayList<>();

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database. */
    public static synchronized String freshDatabase() {
        String name = "jinto_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        // Test data need not survive a crash: commits return without waiting for the disk.
        execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        CREATED.add(name);
        return server().formatted(name);
    }

    /** Runs SQL on the server's maintenance database. */
    public static synchronized void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server().formatted("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    private static String server() {
        if (serverUrl == null) {
            serverUrl = localAnswers() ? LOCAL : embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
        }
        return serverUrl;
    }

    private static boolean localAnswers() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(LOCAL.formatted("postgres"))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            return postgres.getJdbcUrl("postgres", "%s");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    private static synchronized void dropCreated() {
        for (String name : CREATED) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // The server may be gone already (embedded one stopping with the JVM).
            }
        }
    }
}

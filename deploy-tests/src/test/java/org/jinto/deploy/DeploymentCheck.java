package org.jinto.deploy;

import org.jinto.testing.PluginBuild;
import org.jinto.testing.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every deployment test does: install Jinto with the settings example and the example third-party plugin
 * (examples/counter-plugin, built from source against the plugin API), storage and permissions on a fresh PostgreSQL
 * database, through the pool the container defines from {@code server-config/} (its JNDI
 * name as {@code kinto.storage_url}, the pool pointed at the database by {@code JINTO_DB_URL}), start the container on a free loopback port, wait until
 * Jinto answers, run the {@link Smoke}, check its objects are in that database, stop the container by its JVM's
 * PID, and record how long each part took (printed, and appended to {@code target/deploy-timings.txt}).
 */
final class DeploymentCheck {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
    /** The example's plugins, attachments (in a local folder), plus the example third-party plugin. */
    private static final String INCLUDES = "kinto.plugins.accounts kinto.plugins.history kinto_attachment "
            + "jinto.examples.counter";

    private static Path counterPlugin;

    private DeploymentCheck() {
    }

    static void run(Deployment deployment) throws Exception {
        String database = TestPostgres.freshDatabase();
        String storageUrl = deployment.storageUrl(database);
        Setup setup = new Setup(Layout.serverConfig("examples/memory.ini"), Map.of(
                "KINTO_INCLUDES", INCLUDES,
                "KINTO_STORAGE_BACKEND", "postgresql", "KINTO_STORAGE_URL", storageUrl,
                "KINTO_PERMISSION_BACKEND", "postgresql", "KINTO_PERMISSION_URL", storageUrl,
                "KINTO_ATTACHMENT_BASE_PATH", Files.createTempDirectory("jinto-attachments").toString(),
                "KINTO_ATTACHMENT_BASE_URL", "https://cdn.example.org/",
                // The user goes apart: a query string in the URL would not survive Payara's asadmin set.
                "JINTO_DB_URL", database.replaceFirst("\\?.*$", ""),
                "JINTO_DB_USER", "postgres", "JINTO_DB_PASSWORD", "postgres"),
                counterPlugin());
        int port = Layout.freePort();
        String root = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        try (ContainerProcess container = deployment.start(port, setup)) {
            container.awaitOk(root + "/v1/", STARTUP_LIMIT);
            long ready = System.nanoTime();
            List<String> failures = Smoke.run(root);
            long smoked = System.nanoTime();
            long stored = storedObjects(database);
            container.stop();
            long stopped = System.nanoTime();
            record(deployment.name(), seconds(started, ready), seconds(ready, smoked), seconds(smoked, stopped));
            assertEquals(List.of(), failures, deployment.name() + " failed smoke steps\n" + container.logTail());
            assertFalse(container.alive(), deployment.name() + " still runs after being stopped by its PID");
            assertTrue(stored > 0, deployment.name() + " stored nothing in PostgreSQL through " + storageUrl);
        }
    }

    /** Objects (accounts, buckets, records, history…) the smoke left in the database behind the container's pool. */
    private static long storedObjects(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM objects")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static synchronized Path counterPlugin() throws IOException {
        if (counterPlugin == null) {
            counterPlugin = PluginBuild.build(PluginBuild.projectDirectory("examples/counter-plugin"),
                    Layout.workDir().resolve("counter-plugin.jar"));
        }
        return counterPlugin;
    }

    private static String seconds(long from, long to) {
        return String.format("%.1f s", (to - from) / 1e9);
    }

    private static void record(String name, String ready, String smoke, String stop) throws IOException {
        String line = String.format("%-22s installed+started %8s   smoke %7s   stopped %7s%n", name, ready, smoke, stop);
        System.out.print("[deploy] " + line);
        Path timings = Layout.workDir().resolveSibling("deploy-timings.txt");
        Files.writeString(timings, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

package org.jinto.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A PostgreSQL server run by the launcher (zonky's embedded binaries) for a Jinto whose settings name no database:
 * started on first use, its data kept in a directory that survives restarts, stopped with the launcher. Offered to
 * the web application as a {@code Supplier} of its JDBC URL.
 */
public final class EmbeddedPostgresql implements Supplier<String>, AutoCloseable {

    /** The servlet context attribute the web application reads (org.jinto.http.EmbeddedDatabaseOffer). */
    public static final String ATTRIBUTE = "jinto.embedded_postgresql";

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresql(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    @Override
    public synchronized String get() {
        if (postgres == null) {
            try {
                Files.createDirectories(dataDirectory);
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        // Code-point string order, as Kinto sorts; UTF-8 text.
                        .setLocaleConfig("locale", "C")
                        .setLocaleConfig("encoding", "UTF8")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        // Stopped by the launcher after Tomcat, not by a hook racing it.
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory, e);
            }
            System.out.println("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dataDirectory);
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}

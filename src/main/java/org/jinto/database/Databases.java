package org.jinto.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The databases of the PostgreSQL backends, one per distinct URL: storage and permissions configured with the same
 * URL share one pool and one transaction per request. When a backend's URL is unset, the launcher's embedded
 * PostgreSQL is used if the launcher offers one ({@link #offerEmbedded}: a {@code Supplier<String>} of its JDBC URL,
 * which starts it on first use).
 */
@ApplicationScoped
public class Databases implements AutoCloseable {

    @Inject
    Settings settings;

    private final Map<String, Database> byUrl = new HashMap<>();
    private Supplier<?> embedded = () -> null;

    /** For CDI, which injects the settings; {@code http.EmbeddedDatabaseOffer} passes the launcher's offer. */
    public Databases() {
    }

    /** Outside a web application (the maintenance commands): {@code embedded} answers the fallback URL, or null. */
    public Databases(Settings settings, Supplier<?> embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    /** The launcher's embedded PostgreSQL, used by backends whose URL is unset. */
    public synchronized void offerEmbedded(Supplier<?> offer) {
        embedded = offer;
    }

    /**
     * The database of {@code backend} ({@code storage} or {@code permission}) with its schema migrated, or only
     * checked when {@code kinto.<backend>_migrate} is false.
     */
    public synchronized Database open(String backend) {
        DatabaseConfig config = config(backend);
        Database database = connect(config);
        database.migrate(backend, config.migrate());
        return database;
    }

    /** The database of {@code backend}, its schema left as it is. */
    public synchronized Database connect(String backend) {
        return connect(config(backend));
    }

    private DatabaseConfig config(String backend) {
        return DatabaseConfig.from(settings, backend, () -> (String) embedded.get());
    }

    private Database connect(DatabaseConfig config) {
        return byUrl.computeIfAbsent(config.url(), url -> Database.open(config));
    }

    @PreDestroy
    public synchronized void close() {
        byUrl.values().forEach(Database::close);
        byUrl.clear();
    }
}

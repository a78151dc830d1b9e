package org.jinto.storage.sql;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import org.jinto.api.Settings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The databases of the PostgreSQL backends, one per distinct URL: storage and permissions configured with the same
 * URL share one pool and one transaction per request. When a backend's URL is unset, the launcher's embedded
 * PostgreSQL is used if the launcher offers one (servlet context attribute {@value #EMBEDDED_POSTGRESQL}, a
 * {@code Supplier<String>} of its JDBC URL, which starts it on first use).
 */
@ApplicationScoped
public class Databases {

    public static final String EMBEDDED_POSTGRESQL = "jinto.embedded_postgresql";

    @Inject
    Settings settings;

    private final Map<String, Database> byUrl = new HashMap<>();
    private Supplier<?> embedded = () -> null;

    /** Runs before the backends are created at startup ({@code Backends} validates them then). */
    void captureLauncherOffer(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1)
                              @Initialized(ApplicationScoped.class) ServletContext context) {
        if (context.getAttribute(EMBEDDED_POSTGRESQL) instanceof Supplier<?> offer) {
            embedded = offer;
        }
    }

    /** The database of {@code backend} ({@code storage} or {@code permission}) with its schema migrated. */
    public synchronized Database open(String backend) {
        DatabaseConfig config = DatabaseConfig.from(settings, backend, () -> (String) embedded.get());
        Database database = byUrl.get(config.url());
        if (database == null) {
            database = Database.open(config);
            byUrl.put(config.url(), database);
        }
        database.migrate(backend, config.migrate());
        return database;
    }

    @PreDestroy
    synchronized void close() {
        byUrl.values().forEach(Database::close);
        byUrl.clear();
    }
}

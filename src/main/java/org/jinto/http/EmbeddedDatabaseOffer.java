package org.jinto.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import org.jinto.database.Databases;

import java.util.function.Supplier;

/**
 * Hands the embedded launcher's PostgreSQL (servlet context attribute {@value #ATTRIBUTE}, a {@code Supplier<String>}
 * of its JDBC URL that starts it on first use) to the databases, before the backends are created at startup.
 */
@ApplicationScoped
public class EmbeddedDatabaseOffer {

    public static final String ATTRIBUTE = "jinto.embedded_postgresql";

    @Inject
    Databases databases;

    void capture(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1)
                 @Initialized(ApplicationScoped.class) ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof Supplier<?> offer) {
            databases.offerEmbedded(offer);
        }
    }
}

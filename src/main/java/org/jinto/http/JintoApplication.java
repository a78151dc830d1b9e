package org.jinto.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The Kinto HTTP API under {@code /v1}. Resources and providers are discovered by the container's scan of the
 * WAR (WEB-INF/classes and every JAR in WEB-INF/lib), so a plugin JAR's JAX-RS classes join without registration.
 */
@ApplicationPath("/v1")
public class JintoApplication extends Application {

    /** Jersey's WADL support answers OPTIONS with a {@code Last-modified} header Kinto never sends. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

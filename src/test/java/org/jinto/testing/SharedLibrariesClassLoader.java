package org.jinto.testing;

import jakarta.enterprise.inject.spi.CDI;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.loader.ParallelWebappClassLoader;
import org.jboss.weld.Container;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class loader of the HTTP tests' servers: Jinto's own classes ({@code org.jinto..}, server and plugins) load
 * in each server's web application as they would in a deployment, while the libraries (Weld, Jersey, HK2,
 * EclipseLink, HikariCP, Flyway, the PostgreSQL driver...) come from the test class path, which holds the same
 * versions. Every server of the JVM then shares one copy of the libraries, loaded and compiled once, instead of
 * loading them again at each start (most of a start's CPU). Resources are the web application's own when it has
 * any, so Weld, Jersey and {@code ServiceLoader} discover exactly what the WAR packages, each once.
 * <p>
 * Weld keeps its containers in static state, one per context id: each web application loaded here gets its own
 * id ({@code WELD_CONTEXT_ID_KEY}), and {@link WebappCdiProvider} answers {@code CDI.current()} with the container
 * of the calling application.
 */
public class SharedLibrariesClassLoader extends ParallelWebappClassLoader {

    private static final AtomicInteger APPLICATIONS = new AtomicInteger();

    static {
        ClassLoader.registerAsParallelCapable();
        CDI.setCDIProvider(new WebappCdiProvider());
    }

    private final String weldContextId = "jinto-test-" + APPLICATIONS.incrementAndGet();

    public SharedLibrariesClassLoader(ClassLoader parent) {
        super(parent);
    }

    /** The id of the Weld container of the web application this loader loads. */
    String weldContextId() {
        return weldContextId;
    }

    @Override
    public void start() throws LifecycleException {
        super.start();
        // The loader starts before the context merges its parameters and runs its listeners (Weld's among them).
        resources.getContext().addParameter(Container.CONTEXT_ID_KEY, weldContextId);
    }

    @Override
    protected boolean filter(String name, boolean isClassName) {
        return super.filter(name, isClassName) || isClassName && !name.startsWith("org.jinto.");
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        return own.hasMoreElements() ? own : super.getResources(name);
    }
}

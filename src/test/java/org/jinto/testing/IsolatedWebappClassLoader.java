package org.jinto.testing;

import org.apache.catalina.loader.ParallelWebappClassLoader;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;

/**
 * The class loader of a test deployment on an embedded Tomcat (named in its {@code META-INF/context.xml}). Its
 * parent is the test class path, which holds the whole server: Weld would find there the bean archives and
 * portable extensions of every library (Jersey's, bound to another copy of the CDI API, fail the deployment).
 * This loader shows Weld only the {@code beans.xml} and extension files that the deployment itself packages, and
 * the in-container JUnit launcher none of the test class path's listeners ({@link TestClassEnd}, bound to the class
 * path's copy of the launcher); classes still load as in any web application.
 */
public class IsolatedWebappClassLoader extends ParallelWebappClassLoader {

    private static final Set<String> DEPLOYMENT_ONLY_FILES = Set.of(
            "META-INF/beans.xml",
            "META-INF/services/jakarta.enterprise.inject.spi.Extension",
            "META-INF/services/jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension",
            "META-INF/services/org.junit.platform.launcher.TestExecutionListener");

    public IsolatedWebappClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return DEPLOYMENT_ONLY_FILES.contains(name) ? findResources(name) : super.getResources(name);
    }
}

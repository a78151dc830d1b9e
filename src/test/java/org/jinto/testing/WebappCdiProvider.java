package org.jinto.testing;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.CDIProvider;
import org.jboss.weld.Container;
import org.jboss.weld.SimpleCDI;
import org.jboss.weld.manager.BeanManagerImpl;

import java.util.Comparator;

/**
 * {@code CDI.current()} in the HTTP tests' JVM, where the servers share Weld's classes (see
 * {@link SharedLibrariesClassLoader}): the Weld container of the web application on whose behalf the thread runs
 * (Tomcat sets the thread's context class loader for startup and requests). Weld servlet's own provider knows only
 * the one container of a JVM that runs a single application.
 */
final class WebappCdiProvider implements CDIProvider {

    @Override
    public CDI<Object> getCDI() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof SharedLibrariesClassLoader application)) {
            throw new IllegalStateException("CDI.current() called outside a test server's web application");
        }
        Container container = Container.instance(application.weldContextId());
        return new SimpleCDI(container) {
            /** A caller outside the bean archives (Jersey) gets one of the application's bean managers, as in Weld servlet. */
            @Override
            protected BeanManagerImpl unsatisfiedBeanManager(String callerClassName) {
                return container.beanDeploymentArchives().values().stream()
                        .min(Comparator.comparing(BeanManagerImpl::getId)).orElseThrow();
            }
        };
    }
}

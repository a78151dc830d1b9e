package org.jinto.plugins;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;

/**
 * Serves the JAX-RS resources of the plugins folder, which the container's annotation scan of the WAR does not see:
 * on Jersey (Tomcat, Payara) by registering {@link PluginResources}, on RESTEasy (WildFly) by adding them to its
 * registry. This class names neither implementation's types, so that it loads on both; RESTEasy's are reached by
 * reflection, as the WAR is built against Jersey.
 */
@Provider
public class PluginResourcesFeature implements Feature {

    private static final Logger LOG = Logger.getLogger(PluginResourcesFeature.class.getName());
    private static final String JERSEY_MODEL_PROCESSOR = "org.glassfish.jersey.server.model.ModelProcessor";
    private static final String RESTEASY_REGISTRY = "org.jboss.resteasy.spi.Registry";
    /** Holds the registry of the deployment being started while RESTEasy configures its features. */
    private static final String RESTEASY_CONTEXT = "org.jboss.resteasy.core.ResteasyContext";

    @Override
    public boolean configure(FeatureContext context) {
        if (present(JERSEY_MODEL_PROCESSOR)) {
            context.register(PluginResources.class);
            return true;
        }
        List<Class<?>> resources = CDI.current().getBeanManager().getExtension(PluginsFolderExtension.class)
                .resourceClasses();
        if (resources.isEmpty()) {
            return false;
        }
        if (!present(RESTEASY_REGISTRY)) {
            LOG.warning("Neither Jersey nor RESTEasy: the JAX-RS resources of the plugins folder are not served");
            return false;
        }
        addToResteasy(resources);
        return true;
    }

    private static void addToResteasy(List<Class<?>> resources) {
        try {
            ClassLoader loader = PluginResourcesFeature.class.getClassLoader();
            Class<?> registryType = Class.forName(RESTEASY_REGISTRY, false, loader);
            Object registry = Class.forName(RESTEASY_CONTEXT, false, loader).getMethod("getContextData", Class.class)
                    .invoke(null, registryType);
            if (registry == null) {
                throw new IllegalStateException("RESTEasy's registry is not available while features are configured");
            }
            Method add = registryType.getMethod("addPerRequestResource", Class.class);
            for (Class<?> resource : resources) {
                add.invoke(registry, resource);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot add the plugins folder's resources to RESTEasy", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, PluginResourcesFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package org.jinto.plugins;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/**
 * Registers {@link PluginResources} when the JAX-RS implementation is Jersey (Tomcat, Payara). This class names
 * no Jersey type, so that it loads everywhere; on other implementations (RESTEasy in WildFly) the resources of
 * the plugins folder are not served: put such plugins in WEB-INF/lib.
 */
@Provider
public class PluginResourcesFeature implements Feature {

    private static final Logger LOG = Logger.getLogger(PluginResourcesFeature.class.getName());
    private static final String JERSEY_MODEL_PROCESSOR = "org.glassfish.jersey.server.model.ModelProcessor";

    @Override
    public boolean configure(FeatureContext context) {
        try {
            Class.forName(JERSEY_MODEL_PROCESSOR, false, PluginResourcesFeature.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            LOG.info("Not running on Jersey: JAX-RS resources of the plugins folder are not served");
            return false;
        }
        context.register(PluginResources.class);
        return true;
    }
}

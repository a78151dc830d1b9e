package org.jinto.plugins;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Configuration;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

import java.util.List;

/**
 * Adds the JAX-RS resources of the plugins folder to Jersey's model. Resources of JARs in WEB-INF/lib need no
 * help: the container's annotation scan finds them; the plugins folder is outside that scan. Registered by
 * {@link PluginResourcesFeature} on Jersey (not annotated: other JAX-RS implementations must not load this class).
 */
public class PluginResources implements ModelProcessor {

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        // Jersey creates providers through HK2, which cannot inject CDI extensions: ask CDI directly.
        List<Class<?>> resources = CDI.current().getBeanManager().getExtension(PluginsFolderExtension.class)
                .resourceClasses();
        if (resources.isEmpty()) {
            return model;
        }
        ResourceModel.Builder builder = new ResourceModel.Builder(model, false);
        resources.forEach(type -> builder.addResource(Resource.from(type)));
        return builder.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }
}

package org.jinto.plugins;

import jakarta.decorator.Decorator;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;
import org.jinto.settings.EarlySettings;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installs the plugin JARs of the folder named by {@code kinto.plugins_dir} (env {@code KINTO_PLUGINS_DIR}) on every
 * container: their classes, producers and observers join CDI as synthetic beans and observers ({@link FolderBeans}),
 * and their JAX-RS resources are handed to Jersey or RESTEasy by {@link PluginResourcesFeature}. Without the setting,
 * nothing happens. Registered in WEB-INF/classes/META-INF/services/jakarta.enterprise.inject.spi.Extension.
 */
public class PluginsFolderExtension implements Extension {

    public static final String PLUGINS_DIR = "kinto.plugins_dir";
    private static final Logger LOG = Logger.getLogger(PluginsFolderExtension.class.getName());

    private PluginFolder folder;

    void addPluginBeans(@Observes AfterBeanDiscovery discovery, BeanManager beanManager) {
        String dir = EarlySettings.read().get(PLUGINS_DIR).filter(d -> !d.isBlank()).orElse(null);
        if (dir == null) {
            return;
        }
        folder = PluginFolder.open(java.nio.file.Path.of(dir), PluginsFolderExtension.class.getClassLoader());
        for (Class<?> type : folder.beanClasses()) {
            if (type.isAnnotationPresent(Interceptor.class) || type.isAnnotationPresent(Decorator.class)) {
                LOG.warning(() -> "Ignoring " + type.getName() + ": interceptors and decorators of the plugins folder "
                        + "are not supported, put the plugin in WEB-INF/lib");
            } else if (isConcreteClass(type)) {
                FolderBeans.register(discovery, beanManager, type);
            }
        }
    }

    private static boolean isConcreteClass(Class<?> type) {
        return !type.isInterface() && !type.isEnum() && !Modifier.isAbstract(type.getModifiers())
                && (type.getEnclosingClass() == null || Modifier.isStatic(type.getModifiers()));
    }

    /** The JAX-RS resource classes ({@code @Path}) of the folder's plugins. */
    public List<Class<?>> resourceClasses() {
        return folder == null ? List.of()
                : folder.allClasses().stream().filter(c -> c.isAnnotationPresent(Path.class)).toList();
    }

    void closeLoader(@Observes BeforeShutdown shutdown) {
        if (folder != null) {
            try {
                folder.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not close the plugins folder's class loader", e);
            }
        }
    }
}

package org.jinto.plugins;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.ws.rs.Path;
import org.jinto.settings.EarlySettings;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installs the plugin JARs of the folder named by {@code kinto.plugins_dir} (env {@code KINTO_PLUGINS_DIR}): their
 * bean classes join CDI as if the JARs were in WEB-INF/lib, and their JAX-RS resources are handed to Jersey by
 * {@link PluginResources}. Without the setting, nothing happens. Registered in
 * WEB-INF/classes/META-INF/services/jakarta.enterprise.inject.spi.Extension.
 */
public class PluginsFolderExtension implements Extension {

    public static final String PLUGINS_DIR = "kinto.plugins_dir";
    private static final Logger LOG = Logger.getLogger(PluginsFolderExtension.class.getName());

    private PluginFolder folder;

    void addPluginBeans(@Observes BeforeBeanDiscovery discovery) {
        String dir = EarlySettings.read().get(PLUGINS_DIR).filter(d -> !d.isBlank()).orElse(null);
        if (dir == null) {
            return;
        }
        folder = PluginFolder.open(java.nio.file.Path.of(dir), PluginsFolderExtension.class.getClassLoader());
        for (Class<?> type : folder.beanClasses()) {
            discovery.addAnnotatedType(type, "jinto-plugins-folder:" + type.getName());
        }
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

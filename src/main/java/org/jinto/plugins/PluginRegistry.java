package org.jinto.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The installed plugins (every {@link Plugin} bean, from WEB-INF/lib or the plugins folder) by include name.
 * At startup it stops the application when {@code kinto.includes} names a plugin that is not installed, or when
 * two installed plugins claim the same include name.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<Plugin> plugins;

    private Map<String, Plugin> byName;

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Map<String, Plugin> installed = installed();
        for (String include : settings.getList(Plugin.INCLUDES)) {
            if (!installed.containsKey(include)) {
                throw new IllegalStateException("Setting " + Plugin.INCLUDES + " lists '" + include
                        + "' but no installed plugin has that name (installed: " + installed.keySet() + "). "
                        + "Put the plugin's JAR in WEB-INF/lib or in the folder named by "
                        + PluginsFolderExtension.PLUGINS_DIR + ".");
            }
        }
        LOG.info(() -> "Plugins installed: " + installed.keySet() + ", enabled: " + enabled().stream()
                .map(Plugin::includeName).toList());
    }

    /** The plugins that the settings enable, in include-name order. */
    public List<Plugin> enabled() {
        return installed().values().stream().filter(p -> p.isEnabled(settings)).toList();
    }

    private synchronized Map<String, Plugin> installed() {
        if (byName == null) {
            Map<String, Plugin> found = new TreeMap<>();
            for (Plugin plugin : plugins) {
                Plugin other = found.putIfAbsent(plugin.includeName(), plugin);
                if (other != null) {
                    throw new IllegalStateException("Two installed plugins are named '" + plugin.includeName()
                            + "': " + other.getClass().getName() + " and " + plugin.getClass().getName());
                }
            }
            byName = found;
        }
        return byName;
    }
}

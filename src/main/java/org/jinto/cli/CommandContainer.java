package org.jinto.cli;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.cache.memory.MemoryCache;
import org.jinto.cache.redis.RedisCache;
import org.jinto.database.Databases;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.plugins.PluginFolder;
import org.jinto.plugins.PluginsFolderExtension;
import org.jinto.storage.memory.MemoryStorage;
import org.jinto.storage.postgresql.PostgresqlStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The CDI container of a command: Weld without a servlet container, holding the backends only (the built-in ones
 * and those of the plugin JARs in {@code kinto.plugins_dir}), so that a command picks among the same
 * {@code @BackendName} beans as the server. A backend gets the command's {@link Settings} and {@link Databases}
 * injected; the rest of the application (endpoints, observers) stays out.
 */
final class CommandContainer implements AutoCloseable {

    /** Weld's startup notes are not the command's output (a level set by the logging configuration is kept). */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    static {
        if (WELD_LOG.getLevel() == null) {
            WELD_LOG.setLevel(Level.WARNING);
        }
    }

    private static final List<Class<?>> BACKEND_TYPES = List.of(Storage.class, PermissionBackend.class, Cache.class);
    private static final Class<?>[] BUILT_IN = {MemoryStorage.class, PostgresqlStorage.class, MemoryPermission.class,
            PostgresqlPermission.class, MemoryCache.class, RedisCache.class};

    private final WeldContainer weld;
    private final PluginFolder plugins;

    private CommandContainer(WeldContainer weld, PluginFolder plugins) {
        this.weld = weld;
        this.plugins = plugins;
    }

    static CommandContainer start(Settings settings, Databases databases) {
        Weld weld = new Weld("jinto-command-" + UUID.randomUUID()).disableDiscovery().skipShutdownHook()
                .addBeanClasses(BUILT_IN)
                .addExtension(new CommandBeans(settings, databases));
        String folder = settings.get(PluginsFolderExtension.PLUGINS_DIR, "").strip();
        PluginFolder plugins = folder.isEmpty() ? null
                : PluginFolder.open(Path.of(folder), CommandContainer.class.getClassLoader());
        if (plugins != null) {
            plugins.beanClasses().stream().filter(CommandContainer::isBackend).forEach(weld::addBeanClass);
        }
        return new CommandContainer(weld.initialize(), plugins);
    }

    private static boolean isBackend(Class<?> type) {
        return type.isAnnotationPresent(BackendName.class)
                && BACKEND_TYPES.stream().anyMatch(backend -> backend.isAssignableFrom(type));
    }

    BeanManager beanManager() {
        return weld.getBeanManager();
    }

    /** Every bean of {@code type}, whatever its name: the candidates of a selection. */
    <T> Instance<T> all(Class<T> type) {
        return weld.select(type, Any.Literal.INSTANCE);
    }

    @Override
    public void close() {
        weld.close();
        if (plugins != null) {
            try {
                plugins.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the plugins folder's class loader", e);
            }
        }
    }

    /** The command's settings and databases as beans, for the backends to inject. */
    static final class CommandBeans implements Extension {

        private final Settings settings;
        private final Databases databases;

        CommandBeans(Settings settings, Databases databases) {
            this.settings = settings;
            this.databases = databases;
        }

        void addBeans(@Observes AfterBeanDiscovery discovery) {
            discovery.addBean().types(Settings.class).scope(Singleton.class).createWith(context -> settings);
            discovery.addBean().types(Databases.class).scope(Singleton.class).createWith(context -> databases);
        }
    }
}

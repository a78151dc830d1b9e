package org.jinto.testing;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jinto.auth.AccountCacheInvalidation;
import org.jinto.auth.AccountCredentialsCache;
import org.jinto.auth.HmacDigest;
import org.jinto.backend.Backends;
import org.jinto.cache.memory.MemoryCache;
import org.jinto.cache.redis.RedisCache;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.settings.SettingsProducer;
import org.jinto.storage.Timestamps;
import org.jinto.storage.memory.MemoryStorage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The micro-deployment of the in-container tests: the CDI core of the server (settings, backend selection, the
 * memory and Redis backends, the account credentials cache and its event observer) with Weld servlet, and a
 * settings file named by the {@code kinto.ini} context parameter. No Jersey: nothing here needs JAX-RS, and
 * starting it was a third of a full deployment's time.
 * <p>
 * The test class path is the parent of the web application's class loader, so a class missing from the WAR
 * would quietly load from there, bound to the class path's copies of the CDI and plugin API types. Whole
 * packages are added (without their test classes) to keep every class of the beans under test inside.
 */
public final class CdiDeployment {

    /** Written to the settings file as {@code kinto.project_name}, read back through the injected settings. */
    public static final String PROJECT_NAME = "jinto-cdi-wiring";

    /**
     * Keeps the test class path (the parent class loader) out of the deployment: its servlet container
     * initializers (Jersey's would scan every class for JAX-RS annotations), its CDI bean archives and
     * extensions ({@link IsolatedWebappClassLoader}), and Tomcat's scan of its JARs for web fragments and TLDs,
     * which was half of a full deployment's time. Tomcat's memory leak clean-up at
     * undeployment is off: it needs {@code --add-opens} flags, and the JVM ends right after.
     */
    private static final String CONTEXT_XML = """
            <Context containerSciFilter=".*" clearReferencesObjectStreamClassCaches="false"
                     clearReferencesRmiTargets="false" clearReferencesThreadLocals="false">
              <Loader loaderClass="%s"/>
              <JarScanner scanClassPath="false" scanManifest="false"/>
              <Listener className="%s"/>
            </Context>
            """.formatted(IsolatedWebappClassLoader.class.getName(), WithoutJspServlet.class.getName());

    private CdiDeployment() {
    }

    public static WebArchive create() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("kinto.project_name", PROJECT_NAME);
        settings.put(Backends.STORAGE_KEY, "kinto.core.storage.memory");
        settings.put(Backends.PERMISSION_KEY, "memory");
        settings.put(Backends.CACHE_KEY, "kinto_redis.cache");
        settings.put("kinto.cache_url", TestRedis.url(0));
        // Builds running side by side share the Redis server.
        settings.put("kinto.cache_prefix", "jinto-it-cdi-" + UUID.randomUUID() + ":");
        return ShrinkWrap.create(WebArchive.class, "cdi-wiring.war")
                .addPackages(true, mainClassesOnly(), "org.jinto.api")
                .addPackages(false, mainClassesOnly(),
                        SettingsProducer.class.getPackage(), Backends.class.getPackage(),
                        Timestamps.class.getPackage(), MemoryStorage.class.getPackage(),
                        MemoryPermission.class.getPackage(),
                        MemoryCache.class.getPackage(), RedisCache.class.getPackage())
                .addClasses(AccountCredentialsCache.class, AccountCacheInvalidation.class, HmacDigest.class)
                .addAsLibraries(jarOf(org.jboss.weld.environment.servlet.Listener.class),
                        jarOf(redis.clients.jedis.Jedis.class), jarOf(org.apache.commons.pool2.ObjectPool.class))
                .addAsWebInfResource(projectFile("webapp/WEB-INF/beans.xml"), "beans.xml")
                .addAsManifestResource(new StringAsset(CONTEXT_XML), "context.xml")
                .setWebXML(new StringAsset(webXml(settingsFile(settings))));
    }

    private static String webXml(Path settingsFile) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>kinto.ini</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                </web-app>
                """.formatted(settingsFile);
    }

    private static Path settingsFile(Map<String, String> settings) {
        try {
            return JintoServer.writeIni(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package scans also find the test classes of those packages; they stay out of the deployment. */
    private static Filter<ArchivePath> mainClassesOnly() {
        Path testClasses = classPathEntry(CdiDeployment.class).toPath();
        return path -> !Files.exists(testClasses.resolve(path.get().substring(1)));
    }

    private static File jarOf(Class<?> type) {
        File jar = classPathEntry(type);
        if (!jar.isFile()) {
            throw new IllegalStateException(type + " comes from " + jar + ", not from a JAR");
        }
        return jar;
    }

    private static File classPathEntry(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static File projectFile(String relative) {
        String root = System.getProperty("jinto.projectRoot");
        if (root == null) {
            throw new IllegalStateException("System property jinto.projectRoot is not set: run with mvn verify");
        }
        return Path.of(root, relative).toFile();
    }
}

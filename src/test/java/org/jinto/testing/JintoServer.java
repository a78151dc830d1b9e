package org.jinto.testing;

import org.jinto.launcher.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jinto servers for HTTP tests: the exploded WAR on embedded Tomcat, started once per JVM for each distinct set
 * of settings. A family's server (the settings of {@link #families()}) serves every test class and stops when the
 * JVM exits; any other server stops when the test class that asked for it ends ({@link TestClassEnd}), so a run
 * keeps few servers, and few PostgreSQL connections, alive. Settings are written to an INI file handed to the
 * webapp through the {@code kinto.ini} context parameter, so servers with different settings run side by side.
 */
public final class JintoServer {

    private static final Map<Map<String, String>, EmbeddedServer> RUNNING = new ConcurrentHashMap<>();
    private static Set<Map<String, String>> families;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JintoServer::stopAll));
    }

    private JintoServer() {
    }

    /**
     * The settings every test server starts from (Kinto keys); tests add or override keys. The storage and
     * permission backends are PostgreSQL's, the production ones (one database shared by the servers of the run),
     * unless the system property {@code jinto.test.backend=memory} runs the suite on the memory backends:
     * {@code mvn verify -Djinto.test.backend=memory}.
     */
    public static Map<String, String> defaults() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("kinto.storage_backend", "memory");
        settings.put("kinto.permission_backend", "memory");
        settings.put("kinto.cache_backend", "memory");
        if (onPostgresql()) {
            settings.putAll(postgresqlOn(sharedDatabase()));
        }
        return settings;
    }

    /** The secret of basicauth user ids on the {@linkplain #standard() standard} servers (Kinto's recorded run's). */
    public static final String SECRET = "anchor-fixed-hmac-secret-do-not-use-in-prod";

    /**
     * The settings of the standard family, the server most HTTP tests share: accounts and basicauth (accounts first),
     * the default bucket, history, the permissions endpoint and collection schemas, anyone may create buckets and
     * accounts. Many test classes write to it, so a test uses ids of its own ({@code UUID}s) and never assumes an
     * empty server. No flush endpoint: it would wipe the others' data.
     */
    public static Map<String, String> standard() {
        Map<String, String> settings = defaults();
        settings.put("kinto.includes", "kinto.plugins.accounts kinto.plugins.default_bucket kinto.plugins.history");
        settings.put("multiauth.policies", "account basicauth");
        settings.put("kinto.userid_hmac_secret", SECRET);
        settings.put("kinto.bucket_create_principals", "system.Everyone");
        settings.put("kinto.account_create_principals", "system.Everyone");
        settings.put("kinto.experimental_permissions_endpoint", "true");
        settings.put("kinto.experimental_collection_schema_validation", "true");
        return settings;
    }

    /**
     * The settings of the members family: basicauth alone (no accounts), only authenticated users create buckets;
     * the default bucket, history and the permissions endpoint. For tests where anonymous callers must be refused.
     */
    public static Map<String, String> members() {
        Map<String, String> settings = defaults();
        settings.put("kinto.includes", "kinto.plugins.default_bucket kinto.plugins.history");
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.userid_hmac_secret", SECRET);
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        settings.put("kinto.experimental_permissions_endpoint", "true");
        return settings;
    }

    /** The standard settings on a read-only server (the family of tests that check what read-only refuses). */
    public static Map<String, String> readOnly() {
        Map<String, String> settings = standard();
        settings.put("kinto.readonly", "true");
        return settings;
    }

    /** The defaults (no plugin, no authentication policy) on a read-only server named "Remote Settings". */
    public static Map<String, String> minimalReadOnly() {
        Map<String, String> settings = defaults();
        settings.put("kinto.readonly", "true");
        settings.put("kinto.project_name", "Remote Settings");
        return settings;
    }

    /**
     * The notices family: settings that add to answers without changing them (Backoff, an end of service ahead,
     * uncached trailing-slash redirects, request summaries logged as warnings), one server for the tests of each.
     */
    public static Map<String, String> notices() {
        Map<String, String> settings = defaults();
        settings.put("kinto.backoff", "10");
        settings.put("kinto.eos", "2999-01-01");
        settings.put("kinto.eos_message", "\"Moving soon\"");
        settings.put("kinto.eos_url", "http://eos.example.com");
        settings.put("kinto.trailing_slash_redirect_ttl_seconds", "0");
        settings.put("kinto.logging_request_summary_level", "WARNING");
        return settings;
    }

    /**
     * The switched-off family: the trailing-slash and version-prefix redirects and the request summaries off, one
     * server for the tests of each (none needs another of them on).
     */
    public static Map<String, String> switchedOff() {
        Map<String, String> settings = defaults();
        settings.put("kinto.trailing_slash_redirect_enabled", "false");
        settings.put("kinto.version_prefix_redirect_enabled", "false");
        settings.put("kinto.logging_request_summary", "false");
        return settings;
    }

    /** Whether the suite runs on the PostgreSQL backends (the default) rather than the memory ones. */
    public static boolean onPostgresql() {
        return !"memory".equals(System.getProperty("jinto.test.backend", "postgresql"));
    }

    private static String sharedDatabase;

    private static synchronized String sharedDatabase() {
        if (sharedDatabase == null) {
            sharedDatabase = TestPostgres.freshDatabase();
        }
        return sharedDatabase;
    }

    /**
     * The default settings with the PostgreSQL storage and permission backends on a new, empty database (see
     * {@link TestPostgres}); each call makes a new database, so a test class keeps the map to share its server.
     */
    public static Map<String, String> postgresql() {
        Map<String, String> settings = defaults();
        settings.putAll(postgresqlOn(TestPostgres.freshDatabase()));
        return settings;
    }

    private static Map<String, String> postgresqlOn(String database) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("kinto.storage_backend", "postgresql");
        settings.put("kinto.permission_backend", "postgresql");
        settings.put("kinto.storage_url", database);
        settings.put("kinto.permission_url", database);
        // A run keeps dozens of servers alive on one PostgreSQL (max_connections 100 by default); tests about
        // concurrency size their own pools.
        settings.put("kinto.storage_pool_size", "4");
        settings.put("kinto.storage_max_overflow", "0");
        return settings;
    }

    /** The base URL ({@code http://127.0.0.1:port/v1}) of a server running with the default settings. */
    public static String url() {
        return url(defaults());
    }

    public static synchronized String url(Map<String, String> settings) {
        return RUNNING.computeIfAbsent(new TreeMap<>(settings), JintoServer::start).baseUrl();
    }

    /** The settings of the families, whose servers outlive the test classes. */
    private static Set<Map<String, String>> families() {
        if (families == null) {
            families = Set.of(defaults(), standard(), members(), readOnly(), minimalReadOnly(), notices(),
                    switchedOff());
        }
        return families;
    }

    /** Stops the servers of settings no family has: a test class's own, once it ended. */
    static synchronized void stopClassServers() {
        if (RUNNING.isEmpty()) {
            return;
        }
        Set<Map<String, String>> shared = families();
        for (var running = RUNNING.entrySet().iterator(); running.hasNext(); ) {
            Map.Entry<Map<String, String>, EmbeddedServer> server = running.next();
            if (!shared.contains(server.getKey())) {
                stop(server.getValue());
                running.remove();
            }
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(JintoServer::stop);
        RUNNING.clear();
    }

    private static void stop(EmbeddedServer server) {
        try {
            server.close();
        } catch (Exception e) {
            // Gone for the tests all the same; the JVM's exit ends what is left of it.
        }
    }

    /** Starts a server that is not shared; the caller closes it. Fails as the webapp fails to start. */
    public static EmbeddedServer startPrivate(Map<String, String> settings) throws Exception {
        BootLog boot = BootLog.start();
        try {
            return new EmbeddedServer(webapp(), "127.0.0.1", 0, Map.of("kinto.ini", writeIni(settings).toString()))
                    .loadedBy(SharedLibrariesClassLoader.class).start();
        } finally {
            boot.record(settings, defaults());
        }
    }

    private static EmbeddedServer start(Map<String, String> settings) {
        try {
            return startPrivate(settings);
        } catch (Exception e) {
            throw new IllegalStateException("Test server did not start with " + settings, e);
        }
    }

    private static Path webapp() {
        String webapp = System.getProperty("jinto.webapp");
        if (webapp == null) {
            throw new IllegalStateException("System property jinto.webapp (the exploded WAR) is not set: run with mvn verify");
        }
        return Path.of(webapp);
    }

    public static Path writeIni(Map<String, String> settings) throws IOException {
        StringBuilder ini = new StringBuilder("[app:main]\n");
        settings.forEach((key, value) -> ini.append(key).append(" = ").append(value).append('\n'));
        Path file = Files.createTempFile("jinto-test", ".ini");
        Files.writeString(file, ini);
        file.toFile().deleteOnExit();
        return file;
    }
}

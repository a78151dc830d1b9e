package org.jinto.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro running {@code jinto-ee.war} at the root context as the README says: the preboot file binds it to
 * loopback, no Hazelcast (it would listen on every interface), the PostgreSQL pool of {@code datasource.asadmin}
 * with the driver added by {@code --addlibs}, settings through {@code KINTO_INI}, the plugin in the folder named by
 * {@code KINTO_PLUGINS_DIR}.
 */
final class PayaraMicroDeployment implements Deployment {

    private final String version;
    private final String javaHome;

    /** {@code javaHome}: the JDK to run it on (Payara 7 needs Java 21+). */
    PayaraMicroDeployment(String version, String javaHome) {
        this.version = version;
        this.javaHome = javaHome;
    }

    @Override
    public String name() {
        return "Payara Micro " + version;
    }

    /** Payara's own pool, defined by {@code server-config/payara/datasource.asadmin}: Jinto joins its JTA transactions. */
    @Override
    public String storageUrl(String jdbcUrl) {
        return "jdbc/jinto";
    }

    @Override
    public ContainerProcess start(int port, Setup setup) throws Exception {
        Path deploy = Layout.deployDir();
        Path work = Layout.freshWorkDir("payara-micro-" + version);
        Map<String, String> env = new HashMap<>(setup.environment());
        env.put("KINTO_INI", setup.settings().toString());
        env.put("KINTO_PLUGINS_DIR", Layout.pluginsFolder(work, setup.plugin()).toString());
        List<String> command = List.of(Path.of(javaHome, "bin", "java").toString(),
                "-jar", deploy.resolve("payara-micro-" + version + ".jar").toString(),
                "--nohazelcast",
                "--port", String.valueOf(port),
                "--prebootcommandfile", Layout.serverConfig("payara/preboot.asadmin").toString(),
                "--postbootcommandfile", Layout.serverConfig("payara/datasource.asadmin").toString(),
                "--addlibs", deploy.resolve("postgresql.jar").toString(),
                "--deploy", deploy.resolve("jinto-ee.war").toString(),
                "--contextroot", "/",
                "--rootdir", work.resolve("runtime").toString());
        return ContainerProcess.start(command, work, env, work.resolve("payara.log"), null)
                .failWhenLogged("failed due to previous errors");
    }
}

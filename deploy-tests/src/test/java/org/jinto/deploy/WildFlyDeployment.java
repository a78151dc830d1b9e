package org.jinto.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WildFly as the README says: the PostgreSQL datasource added once by {@code server-config/wildfly/datasource.cli}
 * (an embedded, offline server), {@code jinto-ee.war} dropped into {@code deployments/} as {@code ROOT.war}, the
 * plugin in the folder named by {@code KINTO_PLUGINS_DIR}, then
 * {@code standalone.sh -b 127.0.0.1 -bmanagement 127.0.0.1}. Its own {@code standalone/} copy keeps the distribution
 * untouched; {@code JBOSS_PIDFILE} names the JVM, which outlives a killed {@code standalone.sh}.
 */
final class WildFlyDeployment implements Deployment {

    private static final Duration CLI_LIMIT = Duration.ofMinutes(3);

    private final String version;

    WildFlyDeployment(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return "WildFly " + version;
    }

    @Override
    public String storageUrl(String jdbcUrl) {
        return "java:jboss/datasources/jinto";
    }

    @Override
    public ContainerProcess start(int port, Setup setup) throws Exception {
        Path home = Layout.deployDir().resolve("wildfly-" + version);
        Path base = Layout.freshWorkDir("wildfly-" + version);
        Layout.copyTree(home.resolve("standalone"), base);
        Map<String, String> env = new HashMap<>(setup.environment());
        env.put("JAVA_HOME", Layout.javaHome());

        Process cli = new ProcessBuilder("sh", home.resolve("bin/jboss-cli.sh").toString(),
                "--file=" + Layout.serverConfig("wildfly/datasource.cli"),
                "-Djinto.postgresql.jar=" + Layout.deployDir().resolve("postgresql.jar"),
                "-Djboss.server.base.dir=" + base)
                .redirectErrorStream(true).redirectOutput(base.resolve("cli.log").toFile()).start();
        if (!cli.waitFor(CLI_LIMIT.toSeconds(), TimeUnit.SECONDS) || cli.exitValue() != 0) {
            cli.destroyForcibly();
            throw new IllegalStateException("datasource.cli failed, see " + base.resolve("cli.log"));
        }
        Layout.copy(Layout.deployDir().resolve("jinto-ee.war"), base.resolve("deployments/ROOT.war"));

        env.put("KINTO_INI", setup.settings().toString());
        env.put("KINTO_PLUGINS_DIR", Layout.pluginsFolder(base, setup.plugin()).toString());
        env.put("JBOSS_PIDFILE", base.resolve("wildfly.pid").toString());
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        return ContainerProcess.start(List.of("sh", home.resolve("bin/standalone.sh").toString(),
                        "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.http.port=" + port,
                        "-Djboss.https.port=" + Layout.freePort(),
                        "-Djboss.management.http.port=" + Layout.freePort(),
                        "-Djboss.management.https.port=" + Layout.freePort()),
                base, env, base.resolve("wildfly.log"), base.resolve("wildfly.pid"))
                .failWhenLogged("WFLYCTL0013: Operation (\"deploy\") failed");
    }
}

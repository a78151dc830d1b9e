package org.jinto.deploy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tomcat from its distribution, Jinto installed as the README says: {@code jinto.war} as {@code webapps/ROOT.war},
 * {@code server-config/tomcat/setenv.sh} and {@code context.xml}, the settings as {@code conf/kinto.ini}, the plugin
 * in the folder named by {@code KINTO_PLUGINS_DIR}. A separate CATALINA_BASE keeps the unpacked distribution
 * untouched.
 */
final class TomcatDeployment implements Deployment {

    private final String version;

    TomcatDeployment(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return "Tomcat " + version;
    }

    @Override
    public String storageUrl(String jdbcUrl) {
        return "java:comp/env/jdbc/jinto";
    }

    @Override
    public ContainerProcess start(int port, Setup setup) throws Exception {
        Path home = Layout.deployDir().resolve("apache-tomcat-" + version);
        Path base = Layout.freshWorkDir("tomcat-" + version);
        Layout.copyTree(home.resolve("conf"), base.resolve("conf"));
        // Loopback on the test's port; no shutdown port (the test stops Tomcat by its PID).
        Path serverXml = base.resolve("conf/server.xml");
        Layout.replace(serverXml, "<Server port=\"8005\"", "<Server port=\"-1\"");
        Layout.replace(serverXml, "<Connector port=\"8080\"", "<Connector address=\"127.0.0.1\" port=\"" + port + "\"");
        for (String dir : List.of("logs", "temp", "work", "webapps")) {
            base.resolve(dir).toFile().mkdirs();
        }
        Layout.copy(Layout.serverConfig("tomcat/setenv.sh"), base.resolve("bin/setenv.sh"));
        Layout.copy(Layout.serverConfig("tomcat/context.xml"), base.resolve("conf/Catalina/localhost/ROOT.xml"));
        Layout.copy(Layout.deployDir().resolve("postgresql.jar"), base.resolve("lib/postgresql.jar"));
        Layout.copy(setup.settings(), base.resolve("conf/kinto.ini"));
        Layout.copy(Layout.deployDir().resolve("jinto.war"), base.resolve("webapps/ROOT.war"));

        Map<String, String> env = new HashMap<>(setup.environment());
        env.put("KINTO_PLUGINS_DIR", Layout.pluginsFolder(base, setup.plugin()).toString());
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", base.toString());
        env.put("JAVA_HOME", Layout.javaHome());
        // "catalina.sh run" execs the JVM, so the launched process is Tomcat itself.
        return ContainerProcess.start(List.of("sh", home.resolve("bin/catalina.sh").toString(), "run"), base, env,
                base.resolve("logs/console.log"), null).failWhenLogged("Error deploying");
    }
}

package org.jinto.deploy;

import org.jinto.testing.PluginBuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What every deployment test does: install Jinto with the memory settings example and the example third-party
 * plugin (examples/counter-plugin, built from source against the plugin API), start the container on a free
 * loopback port, wait until Jinto answers, run the {@link Smoke}, stop the container by its JVM's PID, and record
 * how long each part took (printed, and appended to {@code target/deploy-timings.txt}).
 */
final class DeploymentCheck {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
    /** The example's plugins plus the example third-party plugin. */
    private static final String INCLUDES = "kinto.plugins.accounts kinto.plugins.history jinto.examples.counter";

    private static Path counterPlugin;

    private DeploymentCheck() {
    }

    static void run(Deployment deployment) throws Exception {
        Setup setup = new Setup(Layout.serverConfig("examples/memory.ini"), Map.of("KINTO_INCLUDES", INCLUDES),
                counterPlugin());
        int port = Layout.freePort();
        String root = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        try (ContainerProcess container = deployment.start(port, setup)) {
            container.awaitOk(root + "/v1/", STARTUP_LIMIT);
            long ready = System.nanoTime();
            List<String> failures = Smoke.run(root);
            long smoked = System.nanoTime();
            container.stop();
            long stopped = System.nanoTime();
            record(deployment.name(), seconds(started, ready), seconds(ready, smoked), seconds(smoked, stopped));
            assertEquals(List.of(), failures, deployment.name() + " failed smoke steps\n" + container.logTail());
            assertFalse(container.alive(), deployment.name() + " still runs after being stopped by its PID");
        }
    }

    private static synchronized Path counterPlugin() throws IOException {
        if (counterPlugin == null) {
            counterPlugin = PluginBuild.build(PluginBuild.projectDirectory("examples/counter-plugin"),
                    Layout.workDir().resolve("counter-plugin.jar"));
        }
        return counterPlugin;
    }

    private static String seconds(long from, long to) {
        return String.format("%.1f s", (to - from) / 1e9);
    }

    private static void record(String name, String ready, String smoke, String stop) throws IOException {
        String line = String.format("%-22s installed+started %8s   smoke %7s   stopped %7s%n", name, ready, smoke, stop);
        System.out.print("[deploy] " + line);
        Path timings = Layout.workDir().resolveSibling("deploy-timings.txt");
        Files.writeString(timings, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

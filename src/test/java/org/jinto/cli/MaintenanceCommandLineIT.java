package org.jinto.cli;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.PluginBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maintenance commands as the README runs them: {@code java -jar launcher/target/jinto-launcher.jar
 * server/target/jinto <command> ...}, a process of their own; then the server on the database they prepared.
 */
class MaintenanceCommandLineIT {

    private record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nout: " + out + "\nerr: " + err;
        }
    }

    private static Map<String, String> settings;
    private static String ini;

    @BeforeAll
    static void settings() throws IOException {
        settings = JintoServer.postgresql();
        settings.put("kinto.includes", "kinto.plugins.accounts");
        settings.put("multiauth.policies", "account");
        ini = JintoServer.writeIni(settings).toString();
    }

    private static Result command(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PluginBuild.projectDirectory("launcher").resolve("target/jinto-launcher.jar").toString(),
                System.getProperty("jinto.webapp")));
        command.addAll(List.of(args));
        Path workDirectory = Files.createTempDirectory("jinto-cli");
        Path out = workDirectory.resolve("out.txt");
        Path err = workDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("KINTO_INI");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Command " + command + " still running after 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void migrateAndCreateUserPrepareTheDatabaseTheServerThenUses() throws Exception {
        Result dryRun = command("migrate", "--dry-run", "--ini", ini);
        assertEquals(0, dryRun.status(), dryRun.toString());
        assertTrue(dryRun.out().contains("storage: 5 migration(s) pending: V1 objects and timestamps, V2 live object counts, V3 change log and listener deliveries, V4 live object counts kept by the writes, V5 key lookups on the primary key"), dryRun.toString());

        Result migrate = command("--ini", ini, "migrate");
        assertEquals(0, migrate.status(), migrate.toString());
        assertEquals("storage: 5 migration(s) applied.\npermission: 1 migration(s) applied.\n", migrate.out());

        Result createUser = command("create-user", "--ini", ini, "-u", "alice", "-p", "s3cret");
        assertEquals(0, createUser.status(), createUser.toString());

        Http server = new Http(JintoServer.url(settings));
        Http.Response own = server.as("alice", "s3cret").get("/accounts/alice");
        assertEquals(200, own.status(), own.body());
        assertEquals("alice", own.object().getJsonObject("data").getString("id"));
        assertEquals(401, server.as("alice", "wrong").get("/accounts/alice").status());

        Result unknown = command("purge-deleted", "--ini", ini, "nope", "10");
        assertEquals(1, unknown.status(), unknown.toString());
        assertTrue(unknown.err().contains("Error: Unknown resource(s) nope"), unknown.toString());
    }

    @Test
    void aPluginBackendIsSelectedByItsNameAsTheServerSelectsIt() throws Exception {
        Path plugins = Files.createTempDirectory("jinto-cli-plugins");
        PluginBuild.build(PluginBuild.projectDirectory("src/test/plugins/cache-probe"), plugins.resolve("probe.jar"));
        Path flushed = plugins.resolve("flushed.txt");
        Map<String, String> probe = new TreeMap<>(settings);
        probe.put("kinto.plugins_dir", plugins.toString());
        probe.put("kinto.cache_backend", "kinto_probe.cache");
        probe.put("kinto.cache_probe_file", flushed.toString());

        Result flush = command("flush-cache", "--ini", JintoServer.writeIni(probe).toString());
        assertEquals(0, flush.status(), flush.toString());
        assertEquals("Cache has been cleared.\n", flush.out());
        assertEquals("flushed", Files.readString(flushed));

        probe.put("kinto.cache_backend", "memcached");
        Result unknown = command("flush-cache", "--ini", JintoServer.writeIni(probe).toString());
        assertEquals(1, unknown.status(), unknown.toString());
        assertTrue(unknown.err().contains("Setting kinto.cache_backend = 'memcached' names no known backend; valid values:"
                + " memory, probe, redis"), unknown.toString());
    }

    @Test
    void badCommandLinesExitWithStatusTwo() throws Exception {
        Result unknown = command("frobnicate");

        assertEquals(2, unknown.status(), unknown.toString());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.toString());
    }
}

package org.jinto.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar jinto-launcher.jar <exploded-war-or-war>}: runs Jinto in the foreground on
 * {@code JINTO_HOST}:{@code JINTO_PORT} (default 127.0.0.1:8888) until SIGTERM or Ctrl-C. When the PostgreSQL
 * backends have no {@code kinto.storage_url} / {@code kinto.permission_url}, they use an embedded PostgreSQL
 * whose data lives in {@code data/postgres} under the working directory ({@code JINTO_DATA} to move it).
 * <p>
 * {@code java -jar jinto-launcher.jar <exploded-war> <command> [options]} runs a maintenance command instead
 * ({@link MaintenanceCommands}) and exits with its status.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Files.exists(Path.of(args[0]))) {
            System.err.println("usage: java -jar jinto-launcher.jar <path to the Jinto WAR or exploded WAR>\n"
                    + "       java -jar jinto-launcher.jar <exploded WAR> migrate|purge-deleted|create-user|flush-cache ... (--help)");
            System.exit(2);
        }
        EmbeddedPostgresql postgresql = new EmbeddedPostgresql(
                Path.of(System.getenv().getOrDefault("JINTO_DATA", "data")).resolve("postgres"));
        if (args.length > 1) {
            int status;
            try (postgresql) {
                status = MaintenanceCommands.run(Path.of(args[0]), Arrays.copyOfRange(args, 1, args.length), postgresql);
            }
            System.exit(status);
        }
        String host = System.getenv().getOrDefault("JINTO_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("JINTO_PORT", "8888"));
        Map<String, String> params = new HashMap<>();
        EmbeddedServer server;
        try {
            server = new EmbeddedServer(Path.of(args[0]), host, port, params)
                    .offer(EmbeddedPostgresql.ATTRIBUTE, postgresql)
                    .start();
        } catch (Exception e) {
            System.err.println("Jinto did not start: " + e.getMessage());
            postgresql.close();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (postgresql) {
                server.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "jinto-shutdown"));
        System.out.println("Jinto listening on http://" + host + ":" + server.port() + "/v1/");
        stopped.await();
    }
}

package org.jinto.testing;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The Redis the tests use: the one at 127.0.0.1:6379 when it answers, else an embedded Redis started once for
 * the JVM on a free port, so that the tests pass on a machine with only Java and Maven. Tests share the server
 * with others: they keep to their own key prefixes.
 */
public final class TestRedis {

    private static final int STANDARD_PORT = 6379;
    private static String url;

    private TestRedis() {
    }

    /** {@code redis://127.0.0.1:port/db}. */
    public static synchronized String url(int db) {
        if (url == null) {
            url = "redis://127.0.0.1:" + (answers(STANDARD_PORT) ? STANDARD_PORT : startEmbedded());
        }
        return url + "/" + db;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int startEmbedded() {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
            }));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("No Redis at 127.0.0.1:6379 and the embedded one did not start", e);
        }
    }
}

package org.jinto.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TCP proxy in front of a PostgreSQL server that records every statement its clients execute, as the server sees
 * them: it reads the client's messages of the PostgreSQL protocol (simple {@code Query}, extended
 * {@code Parse}/{@code Bind}/{@code Execute}). Point a JDBC URL at {@link #jdbcUrl} (SSL and GSS encryption off).
 * Empty statements (the driver's connection checks) are left out.
 */
public final class StatementLog implements AutoCloseable {

    private final ServerSocket listener;
    private final String target;
    private final String host;
    private final int port;
    private final List<String> statements = new ArrayList<>();

    /** @param jdbcUrl the real server's database, {@code jdbc:postgresql://host:port/db?user=...} */
    public StatementLog(String jdbcUrl) throws IOException {
        this.target = jdbcUrl;
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        host = uri.getHost();
        port = uri.getPort() < 0 ? 5432 : uri.getPort();
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "statement-log");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same database, through the proxy. */
    public String jdbcUrl() {
        String through = target.replaceFirst("//[^/]+/", "//127.0.0.1:" + listener.getLocalPort() + "/");
        return through + (through.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable";
    }

    /** The statements executed since the last call, in order. */
    public synchronized List<String> take() {
        List<String> taken = List.copyOf(statements);
        statements.clear();
        return taken;
    }

    private synchronized void executed(String statement) {
        if (!statement.isBlank()) {
            statements.add(statement);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                daemon(() -> server.getInputStream().transferTo(client.getOutputStream()));
                daemon(() -> {
                    try (client; server) {
                        readClient(new DataInputStream(client.getInputStream()),
                                new DataOutputStream(server.getOutputStream()));
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Forwards the client's messages, noting each statement executed. */
    private void readClient(DataInputStream in, DataOutputStream out) throws IOException {
        int startLength = in.readInt();
        byte[] startup = in.readNBytes(startLength - 4);
        out.writeInt(startLength);
        out.write(startup);
        Map<String, String> prepared = new HashMap<>();
        String bound = "";
        while (true) {
            byte type = in.readByte();
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            if (body.length < length - 4) {
                throw new EOFException();
            }
            switch (type) {
                case 'Q' -> executed(text(body, 0));
                case 'P' -> {
                    String name = text(body, 0);
                    prepared.put(name, text(body, name.getBytes(StandardCharsets.UTF_8).length + 1));
                }
                case 'B' -> {
                    String portal = text(body, 0);
                    bound = prepared.getOrDefault(text(body, portal.getBytes(StandardCharsets.UTF_8).length + 1), "");
                }
                case 'E' -> executed(bound);
                default -> { }
            }
            out.writeByte(type);
            out.writeInt(length);
            out.write(body);
            out.flush();
        }
    }

    /** The NUL-terminated string at {@code offset}. */
    private static String text(byte[] body, int offset) {
        int end = offset;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        return new String(body, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Work on a socket, ending quietly when the connection closes. */
    private interface SocketWork {
        void run() throws IOException;
    }

    private static void daemon(SocketWork work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException e) {
                // The connection closed.
            }
        }, "statement-log-connection");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

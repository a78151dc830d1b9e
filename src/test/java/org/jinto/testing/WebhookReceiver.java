package org.jinto.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.jinto.json.JsonText;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real local HTTP receiver of webhook deliveries (the JDK's HTTP server) on a port of its own that stays the same
 * when it is stopped ("down": connections refused) and started again; it answers 204 and keeps each body.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final int port;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public WebhookReceiver() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Adds to {@code settings} the webhook listener {@code hook} of records, posting here. */
    public Map<String, String> hookedTo(Map<String, String> settings) {
        settings.put("kinto.event_listeners", "hook");
        settings.put("kinto.event_listeners.hook.use", "jinto.listeners.webhook");
        settings.put("kinto.event_listeners.hook.url", url());
        settings.put("kinto.event_listeners.hook.resources", "record");
        return settings;
    }

    public synchronized WebhookReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            received.add((JsonObject) JsonText.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The events received so far, in order of arrival. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** The URIs of the events received for {@code uriPrefix}, in order of arrival (duplicates kept). */
    public List<String> uris(String uriPrefix) {
        return received.stream().map(event -> event.getString("uri")).filter(uri -> uri.startsWith(uriPrefix)).toList();
    }

    @Override
    public void close() {
        stop();
    }
}

package org.jinto.testing;

import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.jinto.api.Jsonp.JSON;

/**
 * A Server-Sent Events client over the JDK's HTTP client: reads a change stream line by line as it arrives and
 * keeps its events (id and JSON data), how many comments came, and whether the server ended the stream.
 */
public final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One event: its {@code id} and the JSON of its {@code data}. */
    public record Event(long id, JsonObject data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final HttpResponse<Stream<String>> response;

    private EventStream(HttpRequest request) throws Exception {
        // The server opens every stream with a comment: the headers arrive at once.
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with {@code Accept: text/event-stream} and the given headers (name, value, ...). */
    public static EventStream open(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new EventStream(request.build());
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public int comments() {
        return comments.get();
    }

    public boolean ended() {
        return ended.get();
    }

    @Override
    public void close() {
        response.body().close();
    }

    private void read() {
        Lines lines = new Lines();
        try {
            response.body().forEach(lines::line);
        } catch (RuntimeException closed) {
            // Closed by this client.
        }
        ended.set(true);
    }

    /** Parses the stream: {@code id:} and {@code data:} lines make an event, an empty line ends it. */
    private final class Lines {
        private final List<String> data = new ArrayList<>();
        private long id = -1;

        void line(String line) {
            if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).strip());
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).strip());
            } else if (line.isEmpty() && !data.isEmpty()) {
                events.add(new Event(id, JSON.createReader(new StringReader(String.join("\n", data))).readObject()));
                data.clear();
            }
        }
    }
}

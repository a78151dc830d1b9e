package org.jinto.testing;

import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.jinto.api.Jsonp.JSON;

/**
 * A Server-Sent Events client over the JDK's HTTP client: reads a change stream line by line as it arrives and
 * keeps its events (id and JSON data), how many comments came, and whether the server ended the stream.
 */
public final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One event: its {@code id} and the JSON of its {@code data}. */
    public record Event(long id, JsonObject data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final HttpResponse<Void> response;
    private Flow.Subscription subscription;

    private EventStream(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<Void>> answer = CLIENT.sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()));
        // The server opens every stream with a comment: the headers arrive at once.
        response = answer.get(30, TimeUnit.SECONDS);
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
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Parses the stream: {@code id:} and {@code data:} lines make an event, an empty line ends it. */
    private final class Lines implements Flow.Subscriber<String> {
        private final List<String> data = new ArrayList<>();
        private long id = -1;

        @Override
        public void onSubscribe(Flow.Subscription lines) {
            subscription = lines;
            lines.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
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

        @Override
        public void onError(Throwable throwable) {
            ended.set(true);
        }

        @Override
        public void onComplete() {
            ended.set(true);
        }
    }
}

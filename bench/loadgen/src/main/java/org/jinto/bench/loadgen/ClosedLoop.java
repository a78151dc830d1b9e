package org.jinto.bench.loadgen;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * As wrk does: a fixed number of connections, each sending its next request as soon as the previous answer is in,
 * for a fixed time. One worker thread per connection keeps one keep-alive connection of the client's pool busy.
 */
public final class ClosedLoop {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final HttpRequest request;
    private final int connections;

    public ClosedLoop(HttpRequest request, int connections) {
        this.request = request;
        this.connections = connections;
    }

    public Outcome run(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Outcome>> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                workers.add(pool.submit(() -> loop(deadline)));
            }
            Outcome total = Outcome.empty();
            for (Future<Outcome> worker : workers) {
                total = total.plus(worker.get());
            }
            return total.over((System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome loop(long deadline) throws InterruptedException {
        Histogram latencies = Outcome.newHistogram();
        long non2xx = 0;
        long errors = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                latencies.recordValue((System.nanoTime() - sent) / 1000);
                if (status < 200 || status > 299) {
                    non2xx++;
                }
            } catch (IOException e) {
                errors++;
            }
        }
        return new Outcome(latencies, non2xx, errors, 0);
    }
}

package org.jinto.bench.loadgen;

import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * As wrk does: a fixed number of keep-alive connections, each sending its next request as soon as the previous
 * answer is in, for a fixed time. One blocking worker thread per connection.
 */
public final class ClosedLoop implements AutoCloseable {

    private static final Timeout TIMEOUT = Timeout.ofSeconds(10);

    private final String method;
    private final URI uri;
    private final Optional<String> authorization;
    private final int connections;
    private final CloseableHttpClient client;

    public ClosedLoop(String method, URI uri, Optional<String> authorization, int connections) {
        this.method = method;
        this.uri = uri;
        this.authorization = authorization;
        this.connections = connections;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(TIMEOUT).setSocketTimeout(TIMEOUT).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
                .disableAutomaticRetries()
                .build();
    }

    public Outcome run(Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
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

    private Outcome loop(long deadline) {
        Histogram latencies = Outcome.newHistogram();
        long non2xx = 0;
        long errors = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            try {
                int status = client.execute(request(), response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
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

    private ClassicHttpRequest request() {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
        authorization.ifPresent(value -> request.addHeader("Authorization", value));
        return request.build();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

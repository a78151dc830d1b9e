import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of the change streams: holds N subscribers of one collection, writes W records from C concurrent
 * writers, and reports the subscribers held, the events delivered per second, and the latency from a write being
 * sent to its event reaching a subscriber (p50, p99; an upper bound of commit-to-delivery, the write's own
 * processing included). Run: java bench/streams/StreamBench.java http://127.0.0.1:8886/v1 user:pass N W C
 */
public class StreamBench {

    private static final Pattern SENT = Pattern.compile("\"sent\":\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int subscribers = Integer.parseInt(args[2]);
        int writes = Integer.parseInt(args[3]);
        int writers = Integer.parseInt(args[4]);
        String collection = "/buckets/streambench/collections/c" + System.currentTimeMillis();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        put(client, base, auth, "/buckets/streambench", "{}");
        put(client, base, auth, collection, "{}");

        long origin = System.nanoTime();
        CountDownLatch opened = new CountDownLatch(subscribers);
        AtomicLong delivered = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + collection + "/changes"))
                    .header("Accept", "text/event-stream").header("Authorization", auth).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                boolean first = true;

                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                    if (first && line.startsWith(":")) {
                        first = false;
                        opened.countDown();
                    } else if (line.startsWith("data:")) {
                        Matcher sent = SENT.matcher(line);
                        if (sent.find()) {
                            latencies.add(System.nanoTime() - origin - Long.parseLong(sent.group(1)));
                            delivered.incrementAndGet();
                        }
                    }
                }

                public void onError(Throwable throwable) {
                    ended.incrementAndGet();
                }

                public void onComplete() {
                    ended.incrementAndGet();
                }
            }));
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            System.out.println("only " + (subscribers - opened.getCount()) + " subscribers opened");
        }
        long held = subscribers - opened.getCount();
        System.out.printf("subscribers held: %d%n", held);

        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            pool.execute(() -> {
                int n;
                while ((n = next.getAndIncrement()) < writes) {
                    put(client, base, auth, collection + "/records/r" + n,
                            "{\"data\": {\"sent\": " + (System.nanoTime() - origin) + "}}");
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        long writeNanos = System.nanoTime() - start;
        long expected = held * writes;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long nanos = System.nanoTime() - start;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("writes: %d in %.1f s (%.0f/s)%n", writes, writeNanos / 1e9, writes / (writeNanos / 1e9));
        System.out.printf("events delivered: %d of %d in %.1f s (%.0f/s); streams ended early: %d%n",
                delivered.get(), expected, nanos / 1e9, delivered.get() / (nanos / 1e9), ended.get());
        System.out.printf("write sent -> event received: p50 %.1f ms, p99 %.1f ms%n",
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        System.exit(0);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private static void put(HttpClient client, String base, String auth, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                throw new IllegalStateException(path + " answered " + status);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

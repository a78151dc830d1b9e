package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes records 1..n of {@link RecordShape} into a collection over the HTTP API, chunks of 25 in parallel:
 * one {@code POST /v1/batch} of PUTs per chunk when the server has the batch endpoint, else the PUTs one by one.
 */
public final class HttpSeeder {

    /** Kinto's default {@code batch_max_requests}. */
    static final int CHUNK = 25;

    private final KintoClient client;
    private final int workers;
    private final boolean batch;

    public HttpSeeder(KintoClient client, int workers, boolean batch) {
        this.client = client;
        this.workers = workers;
        this.batch = batch;
    }

    /** Whether {@code POST /v1/batch} exists: an empty batch answers 200 there, 404 where it is missing. */
    public static boolean batchAvailable(KintoClient client) {
        JsonObject empty = Json.createObjectBuilder().add("requests", JsonValue.EMPTY_JSON_ARRAY).build();
        Reply reply = client.send("POST", "/batch", empty);
        if (reply.status() != 200 && reply.status() != 404) {
            throw new SetupException(reply.describe() + ", expected 200 (batch) or 404 (no batch endpoint)");
        }
        return reply.status() == 200;
    }

    /** Writes records {@code first..last} (inclusive) into the collection whose records live at {@code recordsPath}. */
    public void seed(String recordsPath, int first, int last) {
        int total = last - first + 1;
        AtomicInteger written = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int start = first; start <= last; start += CHUNK) {
                int from = start;
                int to = Math.min(start + CHUNK - 1, last);
                chunks.add(pool.submit(() -> {
                    writeChunk(recordsPath, from, to);
                    reportProgress(recordsPath, written.addAndGet(to - from + 1), total);
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SetupException setup ? setup : new SetupException(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("seeding interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeChunk(String recordsPath, int from, int to) {
        if (!batch) {
            for (int n = from; n <= to; n++) {
                client.expect("PUT", recordsPath + "/" + Layout.recordId(n), wrapped(n), 201, 200);
            }
            return;
        }
        JsonArrayBuilder requests = Json.createArrayBuilder();
        for (int n = from; n <= to; n++) {
            requests.add(Json.createObjectBuilder()
                    .add("path", recordsPath + "/" + Layout.recordId(n))
                    .add("body", wrapped(n)));
        }
        JsonObject body = Json.createObjectBuilder()
                .add("defaults", Json.createObjectBuilder().add("method", "PUT"))
                .add("requests", requests)
                .build();
        Reply reply = client.expect("POST", "/batch", body, 200);
        for (JsonValue response : reply.json().getJsonArray("responses")) {
            int status = response.asJsonObject().getInt("status");
            if (status != 201 && status != 200) {
                throw new SetupException("a PUT in " + reply.request() + " answered " + response);
            }
        }
    }

    private static JsonObject wrapped(int n) {
        return Json.createObjectBuilder().add("data", RecordShape.record(n)).build();
    }

    /** Every 100,000 records (a multiple of the chunk size, so each mark is hit exactly once). */
    private static void reportProgress(String recordsPath, int written, int total) {
        if (written % 100_000 == 0) {
            System.out.printf("  %s: %,d of %,d records%n", recordsPath, written, total);
        }
    }
}

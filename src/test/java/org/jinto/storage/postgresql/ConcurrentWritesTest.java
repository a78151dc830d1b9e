package org.jinto.storage.postgresql;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.jinto.database.Database;
import org.jinto.database.Transactions;
import org.jinto.database.UnitOfWork;
import org.jinto.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timestamps without conflicts: concurrent writers of one collection each get a distinct, increasing timestamp. */
class ConcurrentWritesTest {

    private static final int WRITERS = 16;
    /** Contention, not volume: 16 writers at once already race for every timestamp; bench/ runs the load. */
    private static final int RECORDS_EACH = 60;

    @Test
    void sixteenWritersIntoOneCollectionAllSucceedWithDistinctTimestamps() throws Exception {
        try (Database database = PostgresqlTestDatabase.open(TestPostgres.freshDatabase(),
                Map.of("kinto.storage_pool_size", "16", "kinto.storage_max_overflow", "0"), "storage")) {
            Storage storage = new PostgresqlStorage(database, 100_000);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                results.add(writers.submit(() -> {
                    List<Long> timestamps = new ArrayList<>();
                    for (int i = 0; i < RECORDS_EACH; i++) {
                        JsonObject record = Json.createObjectBuilder().add("id", writer + "-" + i).add("writer", writer).build();
                        timestamps.add(storage.create("record", "/buckets/b/collections/c", record)
                                .getJsonNumber("last_modified").longValue());
                        if (i % 50 == 0) {
                            // Another collection's writes do not wait for this one's.
                            storage.update("record", "/buckets/b/collections/other", "w" + writer, Json.createObjectBuilder().build());
                        }
                    }
                    return timestamps;
                }));
            }
            Set<Long> all = new HashSet<>();
            long newest = 0;
            for (Future<List<Long>> result : results) {
                List<Long> timestamps = result.get(10, TimeUnit.MINUTES);
                for (int i = 1; i < timestamps.size(); i++) {
                    assertTrue(timestamps.get(i) > timestamps.get(i - 1), "each writer's timestamps increase");
                }
                all.addAll(timestamps);
                newest = Math.max(newest, timestamps.get(timestamps.size() - 1));
            }
            writers.shutdown();
            assertEquals(WRITERS * RECORDS_EACH, all.size(), "all timestamps distinct");
            assertEquals(WRITERS * RECORDS_EACH, storage.countAll("record", "/buckets/b/collections/c", List.of()));
            assertEquals(newest, storage.resourceTimestamp("record", "/buckets/b/collections/c"));
            List<JsonObject> stored = storage.listAll("record", "/buckets/b/collections/c", Query.all());
            assertEquals(all, new HashSet<>(stored.stream().map(o -> o.getJsonNumber("last_modified").longValue()).toList()));
        }
    }

    /**
     * Writers racing on the same few ids (creates, replacements, deletions of objects others just changed) take the
     * paths where what the engine expected is no longer there: the live count still equals the live objects. Each
     * write runs in a unit of work committed as a request answering 404 or taking the create race's loss would be.
     */
    @Test
    void theLiveCountSurvivesWritersRacingOnTheSameIds() throws Exception {
        String parent = "/buckets/b/collections/raced";
        try (Database database = PostgresqlTestDatabase.open(TestPostgres.freshDatabase(),
                Map.of("kinto.storage_pool_size", "16", "kinto.storage_max_overflow", "0"), "storage")) {
            Storage storage = new PostgresqlStorage(database, 100_000);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < RECORDS_EACH; i++) {
                        String id = "r" + (i + writer) % 4;
                        JsonObject record = Json.createObjectBuilder().add("id", id).build();
                        try (UnitOfWork request = Transactions.begin()) {
                            try {
                                switch ((i + writer) % 3) {
                                    case 0 -> storage.create("record", parent, record);
                                    case 1 -> storage.update("record", parent, id, record);
                                    default -> storage.delete("record", parent, id, null);
                                }
                            } catch (UnicityException | ObjectNotFoundException lostTheRace) {
                                // What the other writers left decides; the count must follow either way.
                            }
                            request.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(10, TimeUnit.MINUTES);
            }
            writers.shutdown();
            assertEquals(storage.listAll("record", parent, Query.all()).size(), storage.countAll("record", parent, List.of()));
        }
    }
}

package org.jinto.storage.postgresql;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.jinto.reads.ObjectKey;
import org.jinto.reads.ReadAhead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans of the read statements on a table shaped like a real one: a large collection whose statistics are taken,
 * beside a small one sharing its field values and a collection written after the statistics (they put it at about
 * one row). Each statement, planned with its values (custom) and without (generic, as a server-side prepared
 * statement may be), must read about as many rows as it answers: none may scan a collection it does not list, or a
 * whole collection for one object. The rows a plan read are the executor's own count (auto_explain, ANALYZE).
 */
class ReadPlansTest {

    private static final String BUCKET = "/buckets/b";
    private static final String LARGE = BUCKET + "/collections/large";
    private static final String SMALL = BUCKET + "/collections/small";
    private static final String FRESH = BUCKET + "/collections/fresh";
    private static final int LARGE_COUNT = 100_000;
    private static final int SMALL_COUNT = 1_000;
    private static final int FRESH_COUNT = 20_000;

    private static Database database;
    private static PostgresqlStorage storage;

    @BeforeAll
    static void fill() {
        database = PostgresqlTestDatabase.open("storage", "permission");
        storage = new PostgresqlStorage(database, 10000);
        database.run(connection -> {
            // The statistics stay those taken below, as between two autovacuum runs.
            new Sql("ALTER TABLE objects SET (autovacuum_enabled = false)").update(connection);
            insert(connection, "record", LARGE, "r", LARGE_COUNT, 0);
            insert(connection, "record", SMALL, "s", SMALL_COUNT, 0);
            insert(connection, "collection", BUCKET, "c", 3, 0);
            return null;
        });
        database.run(connection -> new Sql("ANALYZE objects").update(connection));
        database.run(connection -> insert(connection, "record", FRESH, "f", FRESH_COUNT, LARGE_COUNT));
        // Settled as a table is between two writes (no pending index entries), statistics unchanged.
        database.read(connection -> new Sql("VACUUM objects").update(connection));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void readAheadOfARecordReadsItsRowsOnly(String planCacheMode) {
        for (String collection : List.of(LARGE, SMALL, FRESH)) {
            String id = collection.equals(LARGE) ? "r0000042" : collection.equals(SMALL) ? "s0000042" : "f0000042";
            ReadAhead request = new ReadAhead("account:alice",
                    List.of(new ObjectKey("record", collection, id), new ObjectKey("collection", BUCKET, "c0000001")),
                    "record", collection, List.of(collection, BUCKET));
            assertReadsAtMost(10, SharedDatabaseReads.statement(request), planCacheMode);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void filteredListReadsItsCollectionOnly(String planCacheMode) {
        // Group 2 is a tenth of the large collection: the small one's list must not read those.
        Query query = new Query(List.of(new Filter("group", Json.createValue(2), Operator.EQ)),
                List.of(new Sort("last_modified", -1)), List.of(), 100, false);
        assertReadsAtMost(SMALL_COUNT + 10, storage.listing("record", SMALL, query), planCacheMode);
        Query contains = new Query(List.of(new Filter("tags", Json.createArrayBuilder().add(2).build(),
                Operator.CONTAINS_ANY)), List.of(new Sort("last_modified", -1)), List.of(), 100, false);
        assertReadsAtMost(SMALL_COUNT + 10, storage.listing("record", SMALL, contains), planCacheMode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void pagesAndChangesReadThePageOnly(String planCacheMode) {
        for (String collection : List.of(LARGE, FRESH)) {
            Query page = new Query(List.of(), List.of(new Sort("last_modified", -1)), List.of(), 100, false);
            assertReadsAtMost(110, storage.listing("record", collection, page), planCacheMode);
            long since = LARGE_COUNT + FRESH_COUNT - 10;
            Query changes = new Query(List.of(new Filter("last_modified", Json.createValue(since), Operator.GT)),
                    List.of(new Sort("last_modified", -1)), List.of(), null, true);
            assertReadsAtMost(110, storage.listing("record", collection, changes), planCacheMode);
        }
    }

    /** Runs the statement under auto_explain and checks the rows its plan read (returned or filtered out). */
    private static void assertReadsAtMost(long most, Sql statement, String planCacheMode) {
        JsonObject plan = database.run(connection -> {
            for (String setting : List.of("LOAD 'auto_explain'", "SET LOCAL auto_explain.log_min_duration = 0",
                    "SET LOCAL auto_explain.log_analyze = on", "SET LOCAL auto_explain.log_format = json",
                    "SET LOCAL auto_explain.log_level = notice", "SET LOCAL client_min_messages = notice",
                    "SET LOCAL plan_cache_mode = " + planCacheMode)) {
                new Sql(setting).update(connection);
            }
            try (PreparedStatement prepared = statement.prepare(connection); ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    // Read to the end.
                }
            }
            // The plan is reported when the statement's portal is dropped, which the next statement does.
            try (Statement next = connection.createStatement()) {
                next.execute("SELECT 1");
                return explained(next.getWarnings());
            }
        });
        long read = rowsRead(plan.getJsonObject("Plan"));
        assertTrue(read <= most, "read " + read + " rows (at most " + most + " expected) for " + statement + "\n" + plan);
    }

    private static JsonObject explained(SQLWarning warnings) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        assertEquals(1, messages.size(), String.join("\n", messages));
        String message = messages.get(0);
        return Json.createReader(new StringReader(message.substring(message.indexOf('{')))).readObject();
    }

    /** Rows every scan (of a table or an index) produced or discarded, over all its loops. */
    private static long rowsRead(JsonObject node) {
        long read = 0;
        if (node.containsKey("Relation Name") || node.containsKey("Index Name")) {
            read = node.getJsonNumber("Actual Loops").longValue() * (node.getJsonNumber("Actual Rows").longValue()
                    + count(node, "Rows Removed by Filter") + count(node, "Rows Removed by Index Recheck"));
        }
        JsonArray children = node.getJsonArray("Plans");
        if (children != null) {
            for (JsonValue child : children) {
                read += rowsRead(child.asJsonObject());
            }
        }
        return read;
    }

    private static long count(JsonObject node, String name) {
        return node.containsKey(name) ? node.getJsonNumber(name).longValue() : 0;
    }

    /** {@code count} objects of one collection, ids {@code prefix0000001}…, timestamps after {@code after}. */
    private static Void insert(Connection connection, String resourceName, String parentId, String prefix,
                               int count, long after) throws SQLException {
        new Sql("INSERT INTO objects (id, parent_id, resource_name, last_modified, data) SELECT ").param(prefix)
                .add(" || lpad(n::text, 7, '0'), ").param(parentId).add(", ").param(resourceName).add(", ")
                .param(after).add(" + n, jsonb_build_object('n', n, 'group', n % 10, 'tags', jsonb_build_array(n % 10))"
                        + " FROM generate_series(1, ").param(count).add(") AS n")
                .update(connection);
        return null;
    }
}

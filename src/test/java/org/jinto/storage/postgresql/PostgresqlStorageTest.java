package org.jinto.storage.postgresql;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;
import org.jinto.storage.StorageContract;
import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.jinto.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The storage contract on PostgreSQL (a database of its own), and what is particular to it: the schema migration,
 * the fetch size limit, hostile names, text PostgreSQL cannot store, the backfill of the live object counts.
 */
class PostgresqlStorageTest extends StorageContract {

    private static Database database;
    private static Storage shared;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage");
        shared = new PostgresqlStorage(database, 10000);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Storage newStorage() {
        return shared;
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void maxFetchSizeCapsEveryList() {
        Storage capped = new PostgresqlStorage(database, 3);
        for (int i = 0; i < 5; i++) {
            capped.create("record", "/c1", parse("{\"id\": \"r" + i + "\"}"));
        }
        assertEquals(3, capped.listAll("record", "/c1", Query.all()).size());
        assertEquals(3, capped.listAll("record", "/c1", new Query(List.of(), List.of(), List.of(), 10, false)).size());
        assertEquals(5, capped.countAll("record", "/c1", List.of()));
        List<List<Filter>> afterR1 = List.of(List.of(new Filter("id", Json.createValue("r1"), Operator.GT)));
        assertEquals(List.of("r2", "r3", "r4"), ids(capped.listAll("record", "/c1",
                new Query(List.of(), List.of(new Sort("id", 1)), afterR1, null, false))), "the cap is per page");
    }

    @Test
    void migratingTheSchemaAgainChangesNothing() {
        storage.create("record", "/c1", parse("{\"id\": \"kept\"}"));
        assertEquals(0, database.migrate("storage", true));
        assertEquals("kept", storage.get("record", "/c1", "kept").getString("id"));
    }

    @Test
    void liveObjectCountsAreBackfilledByTheirMigration() throws Exception {
        String url = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/storage")
                .table("jinto_storage_schema_history").target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO objects (id, parent_id, resource_name, last_modified, deleted) VALUES"
                    + " ('a', '/c1', 'record', 10, FALSE), ('b', '/c1', 'record', 11, FALSE),"
                    + " ('gone', '/c1', 'record', 12, TRUE), ('c', '/c2', 'record', 13, FALSE)");
            statement.execute("INSERT INTO timestamps VALUES ('/c1', 'record', 12)");
        }
        try (Database migrated = PostgresqlTestDatabase.open(url, Map.of(), "storage")) {
            Storage backfilled = new PostgresqlStorage(migrated, 10000);
            assertEquals(2, backfilled.countAll("record", "/c1", List.of()));
            assertEquals(1, backfilled.countAll("record", "/c2", List.of()));
            assertEquals(13, backfilled.resourceTimestamp("record", "/c2"), "a missing timestamp is the newest object's");
            backfilled.create("record", "/c2", parse("{\"id\": \"d\"}"));
            assertEquals(2, backfilled.countAll("record", "/c2", List.of()));
        }
    }

    /**
     * The planner estimated a collection grown since the statistics were taken at one row, tied the primary key with
     * the (parent, resource, last_modified) index, and scanned the whole collection through that one to find an id.
     */
    @Test
    void writesFindTheirObjectByPrimaryKeyHoweverStaleTheStatistics() {
        String parent = "/buckets/b/collections/grown";
        database.run(connection -> {
            new Sql("ALTER TABLE objects SET (autovacuum_enabled = false)").update(connection);
            new Sql("ANALYZE objects").update(connection);
            return new Sql("INSERT INTO objects (id, parent_id, resource_name, last_modified)"
                    + " SELECT 'r' || n, ").param(parent).add(", 'record', n FROM generate_series(1, 20000) AS n")
                    .update(connection);
        });
        PostgresqlStorage.Scope scope = new PostgresqlStorage.Scope(parent, "record");
        JsonObject data = parse("{\"a\": 1}");
        try {
            for (boolean overLive : List.of(false, true)) {
                for (boolean tombstone : List.of(false, true)) {
                    String plan = database.run(connection -> new Sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ")
                            .append(PostgresqlStorage.objectUpsert(connection, scope, overLive ? "r77" : "new" + tombstone,
                                    data, tombstone, overLive, 0, null))
                            .first(connection, row -> row.getString(1)));
                    JsonObject root = parse(plan.substring(1, plan.length() - 1)).getJsonObject("Plan");
                    String write = (overLive ? "replacing" : "creating") + (tombstone ? " a tombstone" : " an object");
                    assertFalse(plan.contains("idx_objects_parent_resource_last_modified"), write + ": " + plan);
                    assertTrue(root.getInt("Shared Hit Blocks") + root.getInt("Shared Read Blocks") < 100, write + ": " + plan);
                }
            }
        } finally {
            database.run(connection -> new Sql("ALTER TABLE objects RESET (autovacuum_enabled)").update(connection));
        }
    }

    @Test
    void hostileNamesAndValuesAreOnlyData() {
        String hostile = "x'); DROP TABLE objects; --";
        storage.create("record", "/c1", parse("{\"id\": \"r1\", \"a\": 1}"));
        storage.create(hostile, hostile, parse("{\"id\": \"" + "it's" + "\", \"" + "k'\\\"ey" + "\": \"v'al\"}"));
        assertEquals("v'al", storage.get(hostile, hostile, "it's").getString("k'\"ey"));
        Query hostileQuery = new Query(
                List.of(new Filter(hostile, Json.createValue(hostile), Operator.EQ),
                        new Filter("a.b'); --", Json.createValue(1), Operator.GT),
                        new Filter("like'%", Json.createValue("%'_"), Operator.LIKE)),
                List.of(new Sort("x\" DESC; DROP TABLE objects; --", 1), new Sort("a.\"b", -1)), List.of(), null, false);
        assertEquals(List.of(), storage.listAll("record", "/c1", hostileQuery));
        assertEquals(0, storage.countAll("record", "/c1", hostileQuery.filters()));
        assertEquals(0, storage.deleteAll("record", "/c1", hostileQuery).size());
        assertEquals(List.of(), storage.listAll("record", "/c%", Query.all()), "% in a parent is no wildcard");
        assertEquals(1, storage.countAll("record", "/c1", List.of()));
    }

    @Test
    void nulCharactersAreStoredEscapedAndFound() {
        JsonObject object = parse("{\"id\": \"r1\", \"a\\u0000b\": \"x\\u0000y\\u0001z\\u0002\", \"plain\": [\"\\u0001\"]}");
        storage.create("record", "/c1", object);
        storage.create("record", "/c1", parse("{\"id\": \"r2\", \"a\\u0000b\": \"x\"}"));
        assertEquals(object, Json.createObjectBuilder(storage.get("record", "/c1", "r1")).remove("last_modified").build());
        Query byValue = new Query(List.of(new Filter("a\u0000b", Json.createValue("x\u0000y\u0001z\u0002"), Operator.EQ)),
                List.of(new Sort("a\u0000b", 1)), List.of(), null, false);
        assertEquals(List.of("r1"), ids(storage.listAll("record", "/c1", byValue)));
        assertEquals(1, storage.countAll("record", "/c1", List.of(new Filter("plain", Json.createArrayBuilder().add("\u0001").build(), Operator.CONTAINS))));
        assertEquals(List.of("r1"), ids(storage.listAll("record", "/c1", new Query(
                List.of(new Filter("a\u0000b", Json.createValue("\u0000y"), Operator.LIKE)), List.of(), List.of(), null, false))));
        org.jinto.api.http.KintoException e = assertThrows(org.jinto.api.http.KintoException.class,
                () -> storage.create("record", "/c1", parse("{\"id\": \"nul\\u0000id\"}")));
        assertEquals(400, e.status(), "ids cannot hold it");
    }

    private static List<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).toList();
    }
}

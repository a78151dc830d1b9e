package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL seeding against the real PostgreSQL (127.0.0.1:5432), in a scratch schema holding the objects and
 * timestamps tables as Kinto's PostgreSQL storage lays them out (TIMESTAMP columns) and as Jinto's does (BIGINT).
 */
class SqlSeederTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String SCHEMA = "jinto_bench_seed_test";
    private static final String URL = SERVER + "&currentSchema=" + SCHEMA;
    private static final String PARENT = "/buckets/bench/collections/large";

    @BeforeEach
    void createSchema() throws SQLException {
        execute(SERVER, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute(SERVER, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void fillsACollectionWithNumberedRecordsOneMillisecondApartBeforeNow() throws SQLException {
        createObjects("TIMESTAMP");
        long now = System.currentTimeMillis();

        new SqlSeeder(URL).seed(PARENT, 10_000, now);

        try (Connection connection = DriverManager.getConnection(URL); Statement query = connection.createStatement()) {
            ResultSet summary = query.executeQuery("SELECT count(*), count(DISTINCT last_modified), bool_or(deleted),"
                    + " max(EXTRACT(EPOCH FROM last_modified AT TIME ZONE current_setting('TIMEZONE')) * 1000)::bigint"
                    + " FROM objects"
                    + " WHERE parent_id = '" + PARENT + "' AND resource_name = 'record'");
            summary.next();
            assertEquals(10_000, summary.getInt(1));
            assertEquals(10_000, summary.getInt(2), "timestamps are distinct");
            assertEquals(false, summary.getBoolean(3));
            assertTrue(summary.getLong(4) < now && summary.getLong(4) > now - 1000, "newest just before now");

            ResultSet newest = query.executeQuery("SELECT id, data FROM objects ORDER BY last_modified DESC LIMIT 1");
            newest.next();
            assertEquals(Layout.recordId(10_000), newest.getString(1));
            assertEquals(withoutId(RecordShape.record(10_000)), parse(newest.getString(2)));

            ResultSet timestamp = query.executeQuery("SELECT count(*) FROM timestamps t JOIN objects o"
                    + " ON o.parent_id = t.parent_id AND o.last_modified = t.last_modified AND o.id = '"
                    + Layout.recordId(10_000) + "' WHERE t.resource_name = 'record'");
            timestamp.next();
            assertEquals(1, timestamp.getInt(1), "the collection timestamp is the newest record's");
        }
    }

    @Test
    void writesEpochMillisecondsIntoBigintColumns() throws SQLException {
        createObjects("BIGINT");
        long now = System.currentTimeMillis();

        new SqlSeeder(URL).seed(PARENT, 100, now);

        try (Connection connection = DriverManager.getConnection(URL); Statement query = connection.createStatement()) {
            ResultSet range = query.executeQuery("SELECT min(last_modified), max(last_modified),"
                    + " (SELECT last_modified FROM timestamps) FROM objects");
            range.next();
            assertEquals(now - 100, range.getLong(1));
            assertEquals(now - 1, range.getLong(2));
            assertEquals(now - 1, range.getLong(3));
        }
    }

    @Test
    void neverMovesACollectionTimestampBack() throws SQLException {
        createObjects("BIGINT");
        long now = System.currentTimeMillis();
        execute(URL, "INSERT INTO timestamps VALUES ('" + PARENT + "', 'record', " + (now + 5000) + ")");

        new SqlSeeder(URL).seed(PARENT, 100, now);

        try (Connection connection = DriverManager.getConnection(URL); Statement query = connection.createStatement()) {
            ResultSet timestamp = query.executeQuery("SELECT last_modified FROM timestamps");
            timestamp.next();
            assertEquals(now + 5000, timestamp.getLong(1));
        }
    }

    @Test
    void explainsWhyADifferentTableCannotBeSeeded() throws SQLException {
        assertTrue(new SqlSeeder(URL).incompatibility().orElseThrow().contains("lacks columns"));

        execute(URL, "CREATE TABLE objects (id TEXT, parent_id TEXT, resource_name TEXT, last_modified TEXT,"
                + " data JSONB, deleted BOOLEAN)");
        assertTrue(new SqlSeeder(URL).incompatibility().orElseThrow().contains("unsupported type text"));
    }

    @Test
    void acceptsKintosLayout() throws SQLException {
        createObjects("TIMESTAMP");

        assertTrue(new SqlSeeder(URL).incompatibility().isEmpty());
    }

    private static void createObjects(String lastModifiedType) throws SQLException {
        execute(URL, "CREATE TABLE objects (id TEXT COLLATE \"C\" NOT NULL, parent_id TEXT COLLATE \"C\" NOT NULL,"
                + " resource_name TEXT COLLATE \"C\" NOT NULL, last_modified " + lastModifiedType + " NOT NULL,"
                + " data JSONB NOT NULL DEFAULT '{}'::JSONB, deleted BOOLEAN NOT NULL,"
                + " PRIMARY KEY (id, parent_id, resource_name))",
                "CREATE TABLE timestamps (parent_id TEXT NOT NULL, resource_name TEXT NOT NULL, last_modified "
                        + lastModifiedType + ", PRIMARY KEY (parent_id, resource_name))");
    }

    private static JsonObject withoutId(JsonObject record) {
        return Json.createObjectBuilder(record).remove("id").build();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}

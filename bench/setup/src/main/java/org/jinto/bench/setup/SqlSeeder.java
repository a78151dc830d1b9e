package org.jinto.bench.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a collection directly in Jinto's PostgreSQL storage with one {@code INSERT … SELECT generate_series}
 * ({@code seed-records.sql}): a million records in well under the time the HTTP API would need.
 */
public final class SqlSeeder {

    private static final List<String> COLUMNS = List.of("id", "parent_id", "resource_name", "last_modified", "data", "deleted");
    /** An epoch milliseconds expression (%s) in each supported type of {@code last_modified}; a plain TIMESTAMP is
     * read in the session time zone, as Kinto's {@code from_epoch} does. */
    private static final Map<String, String> IN_COLUMN_TYPE = Map.of(
            "bigint", "%s",
            "timestamp without time zone", "to_timestamp(%s / 1000.0)::timestamp",
            "timestamp with time zone", "to_timestamp(%s / 1000.0)");

    private final String jdbcUrl;

    public SqlSeeder(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Why this database cannot be seeded this way, or empty when its {@code objects} table has the expected columns. */
    public Optional<String> incompatibility() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            Map<String, String> types = columnTypes(connection, "objects");
            List<String> missing = COLUMNS.stream().filter(c -> !types.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return Optional.of("table objects lacks columns " + missing + " (has " + types.keySet() + ")");
            }
            Map<String, String> timestamps = columnTypes(connection, "timestamps");
            for (String table : List.of("objects", "timestamps")) {
                String type = (table.equals("objects") ? types : timestamps).get("last_modified");
                if (!IN_COLUMN_TYPE.containsKey(type) && !(table.equals("timestamps") && timestamps.isEmpty())) {
                    return Optional.of(table + ".last_modified has the unsupported type " + type);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Inserts records 1..count under {@code parentId}, their timestamps one millisecond apart and all before
     * {@code newestEpochMs}, moves the collection's timestamp up to the newest of them, then refreshes the planner
     * statistics the list queries depend on.
     */
    public void seed(String parentId, int count, long newestEpochMs) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            long first = newestEpochMs - count - 1;
            try (PreparedStatement insert = connection.prepareStatement(
                    sql(connection, "objects", "/seed-records.sql", "{last_modified}", "epoch_ms"))) {
                insert.setString(1, parentId);
                insert.setLong(2, first);
                insert.setInt(3, count);
                int inserted = insert.executeUpdate();
                if (inserted != count) {
                    throw new SetupException("seed-records.sql inserted " + inserted + " rows, expected " + count);
                }
            }
            if (!columnTypes(connection, "timestamps").isEmpty()) {
                try (PreparedStatement bump = connection.prepareStatement(
                        sql(connection, "timestamps", "/seed-timestamp.sql", "{epoch_ms}", "?::bigint"))) {
                    bump.setString(1, parentId);
                    bump.setLong(2, first + count);
                    bump.executeUpdate();
                }
            }
            if (columnTypes(connection, "timestamps").containsKey("live_objects")) {
                // Jinto's count of live objects, kept by its own writes (Kinto has none).
                try (PreparedStatement live = connection.prepareStatement("UPDATE timestamps"
                        + " SET live_objects = live_objects + ? WHERE parent_id = ? AND resource_name = 'record'")) {
                    live.setLong(1, count);
                    live.setString(2, parentId);
                    live.executeUpdate();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE objects");
            }
        } catch (SQLException e) {
            throw new SetupException("seeding " + parentId + " in PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /** A statement of {@code resource} with {@code placeholder} replaced by {@code epochMs} in the type of the
     * table's last_modified column. */
    private static String sql(Connection connection, String table, String resource, String placeholder, String epochMs)
            throws SQLException {
        String type = columnTypes(connection, table).get("last_modified");
        return template(resource).replace(placeholder, String.format(IN_COLUMN_TYPE.get(type), epochMs));
    }

    /** Column name to type of a table in the connection's schema; empty when there is no such table. */
    private static Map<String, String> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = ? AND table_schema = current_schema()")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return types;
    }

    private static String template(String resource) {
        try (InputStream in = SqlSeeder.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SetupException("cannot read " + resource, e);
        }
    }
}

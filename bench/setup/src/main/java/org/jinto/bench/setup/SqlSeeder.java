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
    /** How each supported type of {@code last_modified} is computed from epoch milliseconds; a plain TIMESTAMP is
     * read in the session time zone, as Kinto's {@code from_epoch} does. */
    private static final Map<String, String> LAST_MODIFIED = Map.of(
            "bigint", "epoch_ms",
            "timestamp without time zone", "to_timestamp(epoch_ms / 1000.0)::timestamp",
            "timestamp with time zone", "to_timestamp(epoch_ms / 1000.0)");

    private final String jdbcUrl;

    public SqlSeeder(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Why this database cannot be seeded this way, or empty when its {@code objects} table has the expected columns. */
    public Optional<String> incompatibility() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            Map<String, String> types = columnTypes(connection);
            List<String> missing = COLUMNS.stream().filter(c -> !types.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return Optional.of("table objects lacks columns " + missing + " (has " + types.keySet() + ")");
            }
            if (!LAST_MODIFIED.containsKey(types.get("last_modified"))) {
                return Optional.of("objects.last_modified has the unsupported type " + types.get("last_modified"));
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Inserts records 1..count under {@code parentId}, their timestamps one millisecond apart and all before
     * {@code newestEpochMs}, then refreshes the planner statistics the list queries depend on.
     */
    public void seed(String parentId, int count, long newestEpochMs) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            String sql = template().replace("{last_modified}", LAST_MODIFIED.get(columnTypes(connection).get("last_modified")));
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, parentId);
                insert.setLong(2, newestEpochMs - count - 1);
                insert.setInt(3, count);
                int inserted = insert.executeUpdate();
                if (inserted != count) {
                    throw new SetupException("seed-records.sql inserted " + inserted + " rows, expected " + count);
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

    private static Map<String, String> columnTypes(Connection connection) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'objects' AND table_schema = current_schema()");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                types.put(rows.getString(1), rows.getString(2));
            }
        }
        return types;
    }

    private static String template() {
        try (InputStream in = SqlSeeder.class.getResourceAsStream("/seed-records.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SetupException("cannot read seed-records.sql", e);
        }
    }
}

package org.jinto.database;

import jakarta.json.JsonValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL statement built from fixed text and bound parameters. Whatever comes from a request (ids, field names,
 * values) enters only through {@link #param} or {@link #json}, never as text.
 */
public final class Sql {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql(String text) {
        this.text.append(text);
    }

    public Sql add(String fixedText) {
        text.append(fixedText);
        return this;
    }

    /** A bound parameter: a String, Long, Integer, Boolean, or a String[] / Long[] bound as a PostgreSQL array. */
    public Sql param(Object value) {
        text.append('?');
        params.add(value);
        return this;
    }

    /** Appends another statement's text and its parameters. */
    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    /** A JSON value bound as {@code jsonb} (floats kept floats, see {@link JsonbText}). */
    public Sql json(JsonValue value) {
        text.append("?::jsonb");
        params.add(JsonbText.of(value));
        return this;
    }

    /** A LIKE pattern (with {@code ESCAPE '\\'}) where {@code *} is any text and every other character literal. */
    public static String wildcard(String pattern) {
        return pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }

    @Override
    public String toString() {
        return text.toString();
    }

    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof String[] strings) {
                    statement.setArray(i + 1, connection.createArrayOf("text", strings));
                } else if (value instanceof Long[] longs) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", longs));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    public <T> List<T> list(Connection connection, Row<T> reader) throws SQLException {
        try (PreparedStatement statement = prepare(connection); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        }
    }

    /** The first row, or null when there is none. */
    public <T> T first(Connection connection, Row<T> reader) throws SQLException {
        try (PreparedStatement statement = prepare(connection); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? reader.read(rows) : null;
        }
    }

    public int update(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepare(connection)) {
            return statement.executeUpdate();
        }
    }
}

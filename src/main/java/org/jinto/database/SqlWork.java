package org.jinto.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work on the connection of the current transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}

package org.jinto.permission.postgresql;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.permission.PermissionContract;
import org.jinto.storage.postgresql.PostgresqlTestDatabase;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The permission contract on PostgreSQL, on a database of its own. */
class PostgresqlPermissionTest extends PermissionContract {

    private static Database database;
    private static PermissionBackend shared;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("permission");
        shared = new PostgresqlPermission(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected PermissionBackend newPermission() {
        return shared;
    }
}

package org.jinto.permission.postgresql;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.permission.PermissionContract;
import org.jinto.storage.postgresql.PostgresqlTestDatabase;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The permission contract on PostgreSQL, on a database of its own, and its schema migration. */
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

    @Test
    void migratingTheSchemaAgainChangesNothing() {
        shared.addUserPrincipal("account:alice", "/buckets/b1/groups/g1");
        assertEquals(0, database.migrate("permission", true));
        assertEquals(Set.of("/buckets/b1/groups/g1"), shared.getUserPrincipals("account:alice"));
    }
}

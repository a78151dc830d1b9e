package org.jinto.storage.postgresql;

import jakarta.json.Json;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.database.Transactions;
import org.jinto.database.UnitOfWork;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit of work commits all its writes (storage and permissions alike) or none. */
class TransactionsTest {

    private static Database database;
    private static Storage storage;
    private static PermissionBackend permission;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage", "permission");
        storage = new PostgresqlStorage(database, 10000);
        permission = new PostgresqlPermission(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void write(String id) {
        storage.create("record", "/c", Json.createObjectBuilder().add("id", id).build());
        permission.addPrincipalToAce("/c/" + id, "write", "account:alice");
    }

    private static boolean stored(String id) {
        try {
            storage.get("record", "/c", id);
        } catch (ObjectNotFoundException e) {
            assertEquals(Set.of(), permission.getObjectPermissionPrincipals("/c/" + id, "write"));
            return false;
        }
        assertEquals(Set.of("account:alice"), permission.getObjectPermissionPrincipals("/c/" + id, "write"));
        return true;
    }

    @Test
    void committedWritesAreStored() {
        try (UnitOfWork unit = Transactions.begin()) {
            write("committed");
            unit.commit();
        }
        assertTrue(stored("committed"));
    }

    @Test
    void aUnitClosedWithoutCommitLeavesNothing() {
        try (UnitOfWork unit = Transactions.begin()) {
            write("abandoned");
            assertTrue(stored("abandoned"), "the unit sees its own writes");
        }
        assertFalse(stored("abandoned"));
    }

    @Test
    void rollbackOnlyWinsOverCommit() {
        try (UnitOfWork unit = Transactions.begin()) {
            write("doomed");
            Transactions.markRollbackOnly();
            assertTrue(unit.isRollbackOnly());
            unit.commit();
        }
        assertFalse(stored("doomed"));
    }

    @Test
    void oneUnitPerThreadAndNoneLeftBehind() {
        try (UnitOfWork ignored = Transactions.begin()) {
            assertThrows(IllegalStateException.class, Transactions::begin);
        }
        try (UnitOfWork unit = Transactions.begin()) {
            unit.commit();
        }
        Transactions.markRollbackOnly();
        write("standalone");
        assertTrue(stored("standalone"), "outside a unit each call commits by itself");
    }
}

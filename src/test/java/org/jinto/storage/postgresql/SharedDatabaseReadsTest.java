package org.jinto.storage.postgresql;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.database.Database;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.reads.BackendReads;
import org.jinto.reads.Reads;
import org.jinto.reads.ReadsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The read-ahead contract on PostgreSQL: in one statement, and through the backends' calls. */
class SharedDatabaseReadsTest {

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

    private abstract static class OnPostgresql extends ReadsContract {
        @Override
        protected Storage storage() {
            return storage;
        }

        @Override
        protected PermissionBackend permission() {
            return permission;
        }
    }

    @Nested
    class OneStatement extends OnPostgresql {
        @Override
        protected Reads reads() {
            return new SharedDatabaseReads(database);
        }

        @Override
        protected boolean readsTimestamps() {
            return true;
        }
    }

    @Nested
    class BackendCalls extends OnPostgresql {
        @Override
        protected Reads reads() {
            return new BackendReads(storage, permission);
        }

        @Override
        protected boolean readsTimestamps() {
            return false;
        }
    }
}

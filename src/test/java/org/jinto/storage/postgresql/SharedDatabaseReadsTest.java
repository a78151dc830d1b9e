package org.jinto.storage.postgresql;

import org.jinto.database.Database;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.reads.BackendReads;
import org.jinto.reads.ReadsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The read-ahead contract on PostgreSQL: in one statement, and through the backends' calls. */
class SharedDatabaseReadsTest {

    private static Database database;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage", "permission");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Nested
    class OneStatement extends ReadsContract {
        OneStatement() {
            super(new PostgresqlStorage(database, 10000), new PostgresqlPermission(database),
                    (storage, permission) -> new SharedDatabaseReads(database), true);
        }
    }

    @Nested
    class BackendCalls extends ReadsContract {
        BackendCalls() {
            super(new PostgresqlStorage(database, 10000), new PostgresqlPermission(database), BackendReads::new, false);
        }
    }
}

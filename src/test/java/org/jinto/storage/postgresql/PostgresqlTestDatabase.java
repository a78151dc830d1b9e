package org.jinto.storage.postgresql;

import org.jinto.settings.KintoSettings;
import org.jinto.database.Database;
import org.jinto.database.DatabaseConfig;
import org.jinto.testing.TestPostgres;

import java.util.Map;

/** A fresh test database opened as the backends open theirs, schemas migrated. */
public final class PostgresqlTestDatabase {

    private PostgresqlTestDatabase() {
    }

    public static Database open(String... schemas) {
        return open(TestPostgres.freshDatabase(), Map.of(), schemas);
    }

    /** @param settings extra Kinto settings for the storage backend ({@code kinto.storage_pool_size}, ...) */
    public static Database open(String url, Map<String, String> settings, String... schemas) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("kinto.storage_url", url);
        Database database = Database.open(DatabaseConfig.from(new KintoSettings(all, name -> null), "storage", () -> null));
        for (String schema : schemas) {
            database.migrate(schema, true);
        }
        return database;
    }
}

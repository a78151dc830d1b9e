package org.jinto.storage.postgresql;

import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A server on the PostgreSQL backends: schemas migrated at startup, settings checked, heartbeat answered. */
class PostgresqlServerIT {

    @Test
    void startsOnAFreshDatabaseNamedInKintosUrlFormAndAnswersTheHeartbeat() {
        String jdbc = TestPostgres.freshDatabase();
        String kinto = jdbc.replace("jdbc:postgresql://", "postgresql://postgres@").replace("?user=postgres", "");
        Map<String, String> settings = JintoServer.postgresql();
        settings.put("kinto.storage_url", kinto);
        settings.put("kinto.permission_url", kinto);
        Http.Response heartbeat = new Http(JintoServer.url(settings)).get("/__heartbeat__");
        assertEquals(200, heartbeat.status());
        assertEquals(true, heartbeat.object().getBoolean("storage"));
        assertEquals(true, heartbeat.object().getBoolean("permission"));
    }

    @Test
    void refusesToStartOnAnUnmigratedDatabaseWhenMigrationsAreOff() {
        Map<String, String> settings = JintoServer.postgresql();
        settings.put("kinto.storage_migrate", "false");
        assertThrows(Exception.class, () -> JintoServer.startPrivate(settings).close());
    }

    @Test
    void refusesAMalformedUrl() {
        Map<String, String> settings = JintoServer.postgresql();
        settings.put("kinto.storage_url", "mysql://somewhere/db");
        settings.put("kinto.permission_url", "mysql://somewhere/db");
        assertThrows(Exception.class, () -> JintoServer.startPrivate(settings).close());
    }
}

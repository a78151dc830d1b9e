package org.jinto.storage.postgresql;

import org.jinto.launcher.EmbeddedServer;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StatementLog;
import org.jinto.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reads cost PostgreSQL, counted where PostgreSQL sees it (the statements on the wire, {@link StatementLog}):
 * a GET of a record or a HEAD count is one statement, a list two, and none begins or commits a transaction.
 */
class ReadStatementsIT {

    private static StatementLog log;
    private static EmbeddedServer server;
    private static Http alice;

    @BeforeAll
    static void start() throws Exception {
        log = new StatementLog(TestPostgres.freshDatabase());
        Map<String, String> settings = JintoServer.members();
        settings.put("kinto.storage_backend", "postgresql");
        settings.put("kinto.permission_backend", "postgresql");
        settings.put("kinto.storage_url", log.jdbcUrl());
        settings.put("kinto.permission_url", log.jdbcUrl());
        server = JintoServer.startPrivate(settings);
        alice = new Http(server.baseUrl()).as("alice", "secret");
        assertEquals(201, alice.send("PUT", "/buckets/b", "{}").status());
        assertEquals(201, alice.send("PUT", "/buckets/b/groups/readers",
                "{\"data\": {\"members\": [\"system.Authenticated\"]}}").status());
        assertEquals(201, alice.send("PUT", "/buckets/b/collections/c", "{}").status());
        assertEquals(201, alice.send("PUT", "/buckets/b/collections/c/records/r1", "{\"data\": {\"n\": 1}}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        log.close();
    }

    @Test
    void getOfARecordIsOneStatementWithoutTransaction() {
        log.take();
        Http.Response record = alice.get("/buckets/b/collections/c/records/r1");
        assertEquals(200, record.status(), record.body());
        assertTrue(record.body().contains("\"write\""), record.body());
        List<String> statements = log.take();
        assertEquals(1, statements.size(), String.join("\n", statements));
        String statement = statements.get(0);
        for (String table : List.of("objects", "timestamps", "access_control_entries", "user_principals")) {
            assertTrue(statement.contains(" FROM " + table + " "), table + " in " + statement);
        }
    }

    @Test
    void listIsTwoStatementsWithoutTransaction() {
        log.take();
        Http.Response list = alice.get("/buckets/b/collections/c/records?_limit=10&n=1");
        assertEquals(200, list.status(), list.body());
        List<String> statements = log.take();
        assertEquals(2, statements.size(), String.join("\n", statements));
        assertTrue(statements.stream().noneMatch(s -> s.startsWith("BEGIN") || s.startsWith("COMMIT")),
                String.join("\n", statements));
    }

    @Test
    void headCountIsOneStatement() {
        log.take();
        Http.Response head = alice.send("HEAD", "/buckets/b/collections/c/records", null);
        assertEquals(200, head.status());
        assertEquals("1", head.header("Total-Records"));
        List<String> statements = log.take();
        assertEquals(1, statements.size(), String.join("\n", statements));
    }

    @Test
    void aWriteStillCommits() {
        log.take();
        assertEquals(200, alice.send("PATCH", "/buckets/b/collections/c/records/r1", "{\"data\": {\"m\": 2}}").status());
        assertTrue(log.take().contains("COMMIT"));
    }
}

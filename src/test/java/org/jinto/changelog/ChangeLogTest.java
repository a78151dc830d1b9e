package org.jinto.changelog;

import jakarta.json.Json;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.database.Database;
import org.jinto.database.Transactions;
import org.jinto.database.UnitOfWork;
import org.jinto.settings.KintoSettings;
import org.jinto.storage.postgresql.PostgresqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change log on a real PostgreSQL: written with the request's transaction only, read back by another node as
 * the same event, and a change whose transaction commits after a newer one is read, not skipped.
 */
class ChangeLogTest {

    private static Database database;
    private static ChangeLog thisNode;
    private static ChangeLog otherNode;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage");
        // Nodes that share their changes (the default, 0, is a single node).
        KintoSettings settings = new KintoSettings(Map.of("kinto.change_log_retention_seconds", "3600"), name -> null);
        thisNode = new ChangeLog(settings, database);
        otherNode = new ChangeLog(settings, database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static ResourceChanged change(String recordId) {
        EventPayload payload = EventPayload.ofObject(42, Action.UPDATE, "/buckets/b/collections/c/records/" + recordId, "account:alice");
        return new ResourceChanged(payload, List.of(new ImpactedObject(
                Json.createObjectBuilder().add("id", recordId).add("n", 1).build(),
                Json.createObjectBuilder().add("id", recordId).add("n", 2.5).add("z", "\u0000").build())));
    }

    private static List<ChangeLog.Change> readByOtherNode(ChangeLog.Cursor after) {
        return database.run(connection -> otherNode.readAfter(connection, after, 100));
    }

    /**
     * What the other node reads once it holds {@code expected} changes (or after 10 s): a change becomes readable when
     * every transaction older than it has ended in the whole PostgreSQL cluster, where other tests run concurrently.
     */
    private static List<ChangeLog.Change> readByOtherNode(ChangeLog.Cursor after, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ChangeLog.Change> read = readByOtherNode(after);
        while (read.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            read = readByOtherNode(after);
        }
        return read;
    }

    @Test
    void aRolledBackChangeLeavesNothingAndACommittedOneIsReadByTheOtherNodeAsItWas() throws Exception {
        ChangeLog.Cursor start = database.run(thisNode::now);
        try (UnitOfWork unit = Transactions.begin()) {
            thisNode.append(change("rolled-back"), List.of("hook"));
        }
        try (UnitOfWork unit = Transactions.begin()) {
            thisNode.append(change("committed"), List.of("hook"));
            unit.commit();
        }

        List<ChangeLog.Change> read = readByOtherNode(start, 1);
        assertEquals(1, read.size());
        ResourceChanged written = change("committed");
        assertEquals(new AfterResourceChanged(written.payload(), written.impactedObjects()), read.get(0).event());
        assertEquals(List.of(), database.run(connection -> thisNode.readAfter(connection, start, 100)),
                "a node does not read its own changes back");
        List<ListenerDeliveries.Pending> outbox = new ListenerDeliveries(database, "hook").oldest(10, Duration.ofDays(1));
        assertEquals(List.of("/buckets/b/collections/c/records/committed"),
                outbox.stream().map(p -> p.event().payload().uri()).toList());
        assertTrue(outbox.get(0).due());
    }

    @Test
    void aChangeCommittedAfterANewerOneIsNotSkipped() throws Exception {
        ChangeLog.Cursor start = database.run(thisNode::now);
        try (Connection slow = database.openDedicated("slow-writer")) {
            slow.setAutoCommit(false);
            try (Statement statement = slow.createStatement()) {
                statement.executeUpdate("INSERT INTO change_log (node, event) VALUES ('third', '"
                        + change("slow").payload().toJson().toString().replace("}", ", \"impacted_objects\": []}") + "')");
            }
            thisNode.append(change("fast"), List.of());

            assertEquals(List.of(), readByOtherNode(start), "nothing is read while an older transaction is open");
            slow.commit();
        }
        List<String> uris = readByOtherNode(start, 2).stream().map(c -> c.event().payload().uri()).toList();
        assertEquals(List.of("/buckets/b/collections/c/records/slow", "/buckets/b/collections/c/records/fast"), uris);
    }
}

package org.jinto.storage.postgresql;

import jakarta.json.Json;
import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batched purge of tombstones on PostgreSQL: exactly the oldest go, parent by parent, page by page. */
class TombstonePurgeTest {

    private static Database database;
    private static PostgresqlStorage storage;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage");
        storage = new PostgresqlStorage(database, 10000);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void keepsTheNewestTombstonesOfEachParentAcrossPagesAndBatches() {
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            String parent = "/buckets/tp/collections/c" + c;
            storage.create("tprecord", parent, Json.createObjectBuilder().add("id", "live").build());
            // Deleted in an order unlike their timestamps: r1 is the newest tombstone, r0 the oldest.
            tombstone("tprecord", parent, "r2", 200);
            tombstone("tprecord", parent, "r0", 100);
            tombstone("tprecord", parent, "r1", 300);
            expected.add(parent + "/r1");
        }
        tombstone("tpother", "/buckets/tp", "kept", 100);

        long deleted = new TombstonePurge(database, 2).keepNewest("tprecord", 1, 1);

        assertEquals(10, deleted);
        assertEquals(expected, tombstones("tprecord"));
        assertEquals(List.of("/buckets/tp/kept"), tombstones("tpother"));
        long live = database.run(connection -> new Sql("SELECT count(*) FROM objects WHERE resource_name = 'tprecord'"
                + " AND NOT deleted").first(connection, row -> row.getLong(1)));
        assertEquals(5, live);
    }

    @Test
    void purgesTheTopLevelParentAndKeepsNothingWhenAskedTo() {
        tombstone("tpbucket", "", "b1", 10);
        tombstone("tpbucket", "", "b2", 20);

        assertEquals(2, new TombstonePurge(database).keepNewest("tpbucket", 0, 1000));
        assertEquals(List.of(), tombstones("tpbucket"));
        assertEquals(0, new TombstonePurge(database).keepNewest("tpbucket", 0, 1000));
    }

    @Test
    void resourceNamesAreThoseTheStorageMet() {
        storage.create("tpnamed", "/buckets/tn", Json.createObjectBuilder().add("id", "x").build());

        Set<String> names = new TombstonePurge(database).resourceNames();

        assertTrue(names.contains("tpnamed"), names.toString());
        assertFalse(names.contains("tpnever"), names.toString());
    }

    private static void tombstone(String resource, String parent, String id, long lastModified) {
        storage.create(resource, parent, Json.createObjectBuilder().add("id", id).build());
        storage.delete(resource, parent, id, lastModified);
    }

    private static List<String> tombstones(String resource) {
        return database.run(connection -> new Sql("SELECT parent_id || '/' || id FROM objects WHERE resource_name = ")
                .param(resource).add(" AND deleted ORDER BY 1").list(connection, row -> row.getString(1)));
    }
}

package org.jinto.storage.postgresql;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.jinto.storage.StorageContract;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage contract on PostgreSQL (a database of its own), and what is particular to it: timestamps, wildcard
 * parents across collections, the fetch size limit, hostile names, text PostgreSQL cannot store.
 */
class PostgresqlStorageTest extends StorageContract {

    private static Database database;
    private static Storage shared;

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("storage");
        shared = new PostgresqlStorage(database, 10000);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Storage newStorage() {
        return shared;
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void createGetUpdateDelete() {
        JsonObject created = storage.create("record", "/c1", parse("{\"id\": \"r1\", \"title\": \"hello\"}"));
        assertEquals("hello", created.getString("title"));
        long first = created.getJsonNumber("last_modified").longValue();
        assertEquals(created, storage.get("record", "/c1", "r1"));
        assertEquals(first, storage.resourceTimestamp("record", "/c1"));

        JsonObject updated = storage.update("record", "/c1", "r1", parse("{\"title\": \"bye\"}"));
        assertEquals("r1", updated.getString("id"));
        assertTrue(updated.getJsonNumber("last_modified").longValue() > first);
        assertEquals("bye", storage.get("record", "/c1", "r1").getString("title"));

        JsonObject tombstone = storage.delete("record", "/c1", "r1", null);
        assertTrue(tombstone.getBoolean("deleted"));
        assertTrue(tombstone.getJsonNumber("last_modified").longValue() > updated.getJsonNumber("last_modified").longValue());
        assertThrows(ObjectNotFoundException.class, () -> storage.get("record", "/c1", "r1"));
        assertThrows(ObjectNotFoundException.class, () -> storage.delete("record", "/c1", "r1", null));
        assertEquals(tombstone.getJsonNumber("last_modified").longValue(), storage.resourceTimestamp("record", "/c1"));
    }

    @Test
    void createOfAnExistingIdFailsWithTheExistingObjectAndBumpsNothing() {
        JsonObject existing = storage.create("record", "/c1", parse("{\"id\": \"r1\", \"n\": 1}"));
        long timestamp = storage.resourceTimestamp("record", "/c1");
        UnicityException e = assertThrows(UnicityException.class,
                () -> storage.create("record", "/c1", parse("{\"id\": \"r1\", \"n\": 2}")));
        assertEquals(existing, e.existing());
        assertEquals(timestamp, storage.resourceTimestamp("record", "/c1"));
    }

    @Test
    void createReplacesATombstone() {
        storage.create("record", "/c1", parse("{\"id\": \"r1\"}"));
        storage.delete("record", "/c1", "r1", null);
        storage.create("record", "/c1", parse("{\"id\": \"r1\", \"again\": true}"));
        assertTrue(storage.get("record", "/c1", "r1").getBoolean("again"));
        assertEquals(1, storage.listAll("record", "/c1", withDeleted()).size());
    }

    @Test
    void timestampsFollowKintosRule() {
        storage.create("record", "/c1", parse("{\"id\": \"old\", \"last_modified\": 1000}"));
        assertEquals(1000, storage.get("record", "/c1", "old").getInt("last_modified"));
        assertEquals(1000, storage.resourceTimestamp("record", "/c1"), "an empty collection takes the given time");

        long now = storage.create("record", "/c1", parse("{\"id\": \"now\"}")).getJsonNumber("last_modified").longValue();
        JsonObject past = storage.create("record", "/c1", parse("{\"id\": \"past\", \"last_modified\": 2000}"));
        assertEquals(2000, past.getInt("last_modified"), "a past timestamp is kept for the object");
        assertEquals(now, storage.resourceTimestamp("record", "/c1"), "and does not move the collection's");

        JsonObject equal = storage.create("record", "/c1", parse("{\"id\": \"equal\", \"last_modified\": " + now + "}"));
        assertEquals(now + 1, equal.getJsonNumber("last_modified").longValue(), "an equal timestamp is bumped");

        long future = now + 100_000;
        storage.update("record", "/c1", "future", parse("{\"last_modified\": " + future + "}"));
        assertEquals(future, storage.resourceTimestamp("record", "/c1"));
        JsonObject tombstone = storage.delete("record", "/c1", "future", future + 5);
        assertEquals(future + 5, tombstone.getJsonNumber("last_modified").longValue());
    }

    @Test
    void resourceTimestampIsCreatedOnceAndKept() {
        long first = storage.resourceTimestamp("record", "/empty");
        assertEquals(first, storage.resourceTimestamp("record", "/empty"));
        long written = storage.create("record", "/empty", parse("{\"id\": \"a\"}")).getJsonNumber("last_modified").longValue();
        assertTrue(written > first);
    }

    @Test
    void listsSortPageAndLimit() {
        for (int i = 0; i < 10; i++) {
            storage.create("record", "/c1", parse("{\"id\": \"r" + i + "\", \"rank\": " + (i % 3) + "}"));
        }
        storage.create("record", "/other", parse("{\"id\": \"elsewhere\"}"));
        List<JsonObject> newestFirst = storage.listAll("record", "/c1",
                new Query(List.of(), List.of(new Sort("last_modified", -1)), List.of(), 4, false));
        assertEquals(List.of("r9", "r8", "r7", "r6"), ids(newestFirst));

        long boundary = newestFirst.get(3).getJsonNumber("last_modified").longValue();
        List<JsonObject> nextPage = storage.listAll("record", "/c1", new Query(List.of(),
                List.of(new Sort("last_modified", -1)),
                List.of(List.of(new Filter("last_modified", Json.createValue(boundary), Operator.LT))), 4, false));
        assertEquals(List.of("r5", "r4", "r3", "r2"), ids(nextPage));

        List<JsonObject> byRank = storage.listAll("record", "/c1", new Query(
                List.of(new Filter("rank", Json.createValue(0), Operator.NOT)),
                List.of(new Sort("rank", -1), new Sort("id", 1)), List.of(), null, false));
        assertEquals(List.of("r2", "r5", "r8", "r1", "r4", "r7"), ids(byRank));
        assertEquals(6, storage.countAll("record", "/c1", List.of(new Filter("rank", Json.createValue(0), Operator.NOT))));
        assertEquals(10, storage.countAll("record", "/c1", List.of()));
    }

    @Test
    void maxFetchSizeCapsEveryList() {
        Storage capped = new PostgresqlStorage(database, 3);
        for (int i = 0; i < 5; i++) {
            capped.create("record", "/c1", parse("{\"id\": \"r" + i + "\"}"));
        }
        assertEquals(3, capped.listAll("record", "/c1", Query.all()).size());
        assertEquals(3, capped.listAll("record", "/c1", new Query(List.of(), List.of(), List.of(), 10, false)).size());
        assertEquals(5, capped.countAll("record", "/c1", List.of()));
    }

    @Test
    void tombstonesAreListedOnRequestAndFiltered() {
        storage.create("record", "/c1", parse("{\"id\": \"live\"}"));
        storage.create("record", "/c1", parse("{\"id\": \"gone\"}"));
        long since = storage.resourceTimestamp("record", "/c1");
        JsonObject tombstone = storage.delete("record", "/c1", "gone", null);
        assertEquals(List.of("live"), ids(storage.listAll("record", "/c1", Query.all())));
        List<JsonObject> changes = storage.listAll("record", "/c1", new Query(
                List.of(new Filter("last_modified", Json.createValue(since), Operator.GT)), List.of(), List.of(), null, true));
        assertEquals(List.of(tombstone), changes);
    }

    @Test
    void wildcardParentsListCountAndDeleteAcrossCollections() {
        storage.create("collection", "/buckets/b1", parse("{\"id\": \"c1\"}"));
        storage.create("record", "/buckets/b1/collections/c1", parse("{\"id\": \"r1\"}"));
        storage.create("record", "/buckets/b1/collections/c2", parse("{\"id\": \"r2\"}"));
        storage.create("record", "/buckets/b10/collections/c1", parse("{\"id\": \"other\"}"));
        storage.create("record", "/buckets/b_/collections/c1", parse("{\"id\": \"underscore\"}"));

        assertEquals(5, storage.countAll(null, "/buckets/b*", List.of()));
        assertEquals(2, storage.countAll("record", "/buckets/b1/*", List.of()));
        assertEquals(1, storage.countAll("record", "/buckets/b_/*", List.of()), "_ is no wildcard");

        List<JsonObject> deleted = storage.deleteAll(null, "/buckets/b1/*", Query.all());
        deleted = new java.util.ArrayList<>(deleted);
        deleted.addAll(storage.deleteAll(null, "/buckets/b1", Query.all()));
        assertEquals(3, deleted.size());
        assertTrue(deleted.stream().allMatch(t -> t.getBoolean("deleted")));
        assertEquals(0, storage.countAll(null, "/buckets/b1/*", List.of()));
        assertEquals(1, storage.countAll("record", "/buckets/b10/collections/c1", List.of()));
        long tombstoneTime = deleted.stream().filter(t -> t.getString("id").equals("r2")).findFirst().orElseThrow()
                .getJsonNumber("last_modified").longValue();
        assertEquals(tombstoneTime, storage.resourceTimestamp("record", "/buckets/b1/collections/c2"));
    }

    @Test
    void deleteAllHonoursFiltersSortingAndLimit() {
        for (int i = 0; i < 6; i++) {
            storage.create("record", "/c1", parse("{\"id\": \"r" + i + "\", \"even\": " + (i % 2 == 0) + "}"));
        }
        List<JsonObject> deleted = storage.deleteAll("record", "/c1", new Query(
                List.of(new Filter("even", JsonValue.TRUE, Operator.EQ)), List.of(new Sort("id", -1)), List.of(), 2, false));
        assertEquals(List.of("r4", "r2"), ids(deleted));
        assertEquals(List.of("r0", "r1", "r3", "r5"), ids(storage.listAll("record", "/c1",
                new Query(List.of(), List.of(new Sort("id", 1)), List.of(), null, false))));
    }

    @Test
    void purgeDeletedByAgeAndByQuota() {
        for (int i = 0; i < 5; i++) {
            storage.create("record", "/c1", parse("{\"id\": \"r" + i + "\"}"));
            storage.delete("record", "/c1", "r" + i, null);
        }
        storage.create("record", "/c1", parse("{\"id\": \"live\"}"));
        List<JsonObject> tombstones = storage.listAll("record", "/c1",
                new Query(List.of(new Filter("deleted", JsonValue.TRUE, Operator.EQ)), List.of(new Sort("last_modified", 1)),
                        List.of(), null, true));
        assertEquals(5, tombstones.size());
        long third = tombstones.get(2).getJsonNumber("last_modified").longValue();
        assertEquals(2, storage.purgeDeleted("record", "/c1", third, null));
        assertEquals(1, storage.purgeDeleted("record", "/c1", null, 2));
        assertEquals(List.of("r3", "r4", "live"), ids(storage.listAll("record", "/c1",
                new Query(List.of(), List.of(new Sort("last_modified", 1)), List.of(), null, true))));
        assertEquals(2, storage.purgeDeleted("record", "/c*", null, null));
        assertEquals(1, storage.listAll("record", "/c1", new Query(List.of(), List.of(), List.of(), null, true)).size());
    }

    @Test
    void hostileNamesAndValuesAreOnlyData() {
        String hostile = "x'); DROP TABLE objects; --";
        storage.create("record", "/c1", parse("{\"id\": \"r1\", \"a\": 1}"));
        storage.create(hostile, hostile, parse("{\"id\": \"" + "it's" + "\", \"" + "k'\\\"ey" + "\": \"v'al\"}"));
        assertEquals("v'al", storage.get(hostile, hostile, "it's").getString("k'\"ey"));
        Query hostileQuery = new Query(
                List.of(new Filter(hostile, Json.createValue(hostile), Operator.EQ),
                        new Filter("a.b'); --", Json.createValue(1), Operator.GT),
                        new Filter("like'%", Json.createValue("%'_"), Operator.LIKE)),
                List.of(new Sort("x\" DESC; DROP TABLE objects; --", 1), new Sort("a.\"b", -1)), List.of(), null, false);
        assertEquals(List.of(), storage.listAll("record", "/c1", hostileQuery));
        assertEquals(0, storage.countAll("record", "/c1", hostileQuery.filters()));
        assertEquals(0, storage.deleteAll("record", "/c1", hostileQuery).size());
        assertEquals(List.of(), storage.listAll("record", "/c%", Query.all()), "% in a parent is no wildcard");
        assertEquals(1, storage.countAll("record", "/c1", List.of()));
    }

    @Test
    void nulCharactersAreStoredEscapedAndFound() {
        JsonObject object = parse("{\"id\": \"r1\", \"a\\u0000b\": \"x\\u0000y\\u0001z\\u0002\", \"plain\": [\"\\u0001\"]}");
        storage.create("record", "/c1", object);
        storage.create("record", "/c1", parse("{\"id\": \"r2\", \"a\\u0000b\": \"x\"}"));
        assertEquals(object, Json.createObjectBuilder(storage.get("record", "/c1", "r1")).remove("last_modified").build());
        Query byValue = new Query(List.of(new Filter("a\u0000b", Json.createValue("x\u0000y\u0001z\u0002"), Operator.EQ)),
                List.of(new Sort("a\u0000b", 1)), List.of(), null, false);
        assertEquals(List.of("r1"), ids(storage.listAll("record", "/c1", byValue)));
        assertEquals(1, storage.countAll("record", "/c1", List.of(new Filter("plain", Json.createArrayBuilder().add("\u0001").build(), Operator.CONTAINS))));
        assertEquals(List.of("r1"), ids(storage.listAll("record", "/c1", new Query(
                List.of(new Filter("a\u0000b", Json.createValue("\u0000y"), Operator.LIKE)), List.of(), List.of(), null, false))));
        org.jinto.api.http.KintoException e = assertThrows(org.jinto.api.http.KintoException.class,
                () -> storage.create("record", "/c1", parse("{\"id\": \"nul\\u0000id\"}")));
        assertEquals(400, e.status(), "ids cannot hold it");
    }

    static Query withDeleted() {
        return new Query(List.of(), List.of(), List.of(), null, true);
    }

    static List<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).toList();
    }

    @Test
    void pingAnswers() {
        storage.ping();
        assertFalse(storage.listAll("record", "/none", Query.all()).iterator().hasNext());
    }
}

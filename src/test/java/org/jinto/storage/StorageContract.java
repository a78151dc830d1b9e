package org.jinto.storage;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.ObjectCounts;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantics every {@link Storage} backend must have (Kinto's {@code StorageBase} and its memory backend),
 * tested through the interface only. A backend's test extends this class and provides {@link #newStorage()}.
 */
public abstract class StorageContract {

    protected static final String RECORD = "record";
    protected static final String PARENT = "/buckets/b1/collections/c1";

    protected Storage storage;

    /** A storage backend to test; it is flushed before each test. */
    protected abstract Storage newStorage();

    @BeforeEach
    void setUpStorage() {
        storage = newStorage();
        storage.flush();
    }

    protected static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private JsonObject create(String id, String fields) {
        return storage.create(RECORD, PARENT, Json.createObjectBuilder(json(fields)).add("id", id).build());
    }

    private static long lastModified(JsonObject object) {
        return object.getJsonNumber("last_modified").longValue();
    }

    private static List<String> ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).toList();
    }

    private List<String> select(Filter... filters) {
        return ids(storage.listAll(RECORD, PARENT, new Query(List.of(filters), List.of(new Sort("id", 1)), List.of(), null, false)));
    }

    private static Filter filter(String field, String jsonValue, Operator operator) {
        return new Filter(field, Json.createReader(new StringReader(jsonValue)).readValue(), operator);
    }

    // Create, get, update, delete.

    @Test
    void allResourcesTimestampsGivesEachParentsCurrentTimestamp() {
        create("r1", "{}");
        JsonObject other = storage.create(RECORD, PARENT + "-other", json("{'id': 'r2'}"));
        storage.create("collection", "/buckets/b", json("{'id': 'c'}"));
        Map<String, Long> all = storage.allResourcesTimestamps(RECORD);
        assertEquals(Map.of(PARENT, storage.resourceTimestamp(RECORD, PARENT), PARENT + "-other", lastModified(other)),
                all);
    }

    @Test
    void createKeepsFieldsAndAssignsTimestamp() {
        JsonObject created = create("r1", "{'title': 'a', 'n': 1}");
        assertEquals("a", created.getString("title"));
        assertTrue(lastModified(created) > 1_500_000_000_000L);
        assertEquals(created, storage.get(RECORD, PARENT, "r1"));
    }

    @Test
    void creatingAnExistingIdFailsWithTheExistingObject() {
        JsonObject first = create("r1", "{'v': 1}");
        UnicityException e = assertThrows(UnicityException.class, () -> create("r1", "{'v': 2}"));
        assertEquals(first, e.existing());
        assertEquals(1, storage.get(RECORD, PARENT, "r1").getInt("v"));
    }

    @Test
    void creatingOverATombstoneRevivesTheId() {
        create("r1", "{'v': 1}");
        storage.delete(RECORD, PARENT, "r1", null);
        create("r1", "{'v': 2}");
        assertEquals(2, storage.get(RECORD, PARENT, "r1").getInt("v"));
        assertTrue(storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(), List.of(), null, true))
                .stream().noneMatch(o -> o.containsKey("deleted")));
    }

    @Test
    void missingAndDeletedObjectsAreNotFound() {
        assertThrows(ObjectNotFoundException.class, () -> storage.get(RECORD, PARENT, "nope"));
        create("r1", "{}");
        storage.delete(RECORD, PARENT, "r1", null);
        assertThrows(ObjectNotFoundException.class, () -> storage.get(RECORD, PARENT, "r1"));
        assertThrows(ObjectNotFoundException.class, () -> storage.delete(RECORD, PARENT, "r1", null));
    }

    @Test
    void objectsAreIsolatedByParentAndResourceName() {
        create("r1", "{}");
        assertThrows(ObjectNotFoundException.class, () -> storage.get(RECORD, "/buckets/b1/collections/c2", "r1"));
        assertThrows(ObjectNotFoundException.class, () -> storage.get("collection", PARENT, "r1"));
        assertEquals(0, storage.countAll("collection", PARENT, List.of()));
    }

    @Test
    void updateReplacesTheWholeObjectAndBumpsItsTimestamp() {
        JsonObject created = create("r1", "{'a': 1, 'b': 2}");
        JsonObject updated = storage.update(RECORD, PARENT, "r1", json("{'a': 3}"));
        assertEquals("r1", updated.getString("id"));
        assertFalse(updated.containsKey("b"));
        assertTrue(lastModified(updated) > lastModified(created));
        assertEquals(updated, storage.get(RECORD, PARENT, "r1"));
    }

    @Test
    void updateCreatesAMissingObject() {
        JsonObject updated = storage.update(RECORD, PARENT, "new", json("{'a': 1}"));
        assertEquals(updated, storage.get(RECORD, PARENT, "new"));
    }

    @Test
    void deleteLeavesATombstoneDatedAsTheResource() {
        create("r1", "{'secret': 1}");
        JsonObject tombstone = storage.delete(RECORD, PARENT, "r1", null);
        assertEquals(json("{'id': 'r1', 'last_modified': " + lastModified(tombstone) + ", 'deleted': true}"), tombstone);
        assertEquals(lastModified(tombstone), storage.resourceTimestamp(RECORD, PARENT));
        List<JsonObject> all = storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(), List.of(), null, true));
        assertEquals(List.of(tombstone), all);
    }

    @Test
    void deleteMayBeDatedInTheFuture() {
        JsonObject created = create("r1", "{}");
        long future = lastModified(created) + 10_000;
        JsonObject tombstone = storage.delete(RECORD, PARENT, "r1", future);
        assertEquals(future, lastModified(tombstone));
        assertEquals(future, storage.resourceTimestamp(RECORD, PARENT));
    }

    // Timestamps.

    @Test
    void timestampsStrictlyIncreaseWithinAResource() {
        long previous = 0;
        for (int i = 0; i < 50; i++) {
            long current = lastModified(create("r" + i, "{}"));
            assertTrue(current > previous, "timestamp " + current + " after " + previous);
            previous = current;
        }
        assertEquals(previous, storage.resourceTimestamp(RECORD, PARENT));
    }

    @Test
    void emptyResourceTimestampIsCreatedOnceAndKept() {
        long first = storage.resourceTimestamp(RECORD, PARENT);
        assertTrue(first > 1_500_000_000_000L);
        assertEquals(first, storage.resourceTimestamp(RECORD, PARENT));
        JsonObject created = create("r1", "{}");
        assertTrue(lastModified(created) > first);
    }

    @Test
    void resourceTimestampIsKeptAfterTheLastObjectIsDeleted() {
        create("r1", "{}");
        JsonObject tombstone = storage.delete(RECORD, PARENT, "r1", null);
        assertEquals(0, storage.countAll(RECORD, PARENT, List.of()));
        assertEquals(lastModified(tombstone), storage.resourceTimestamp(RECORD, PARENT));
    }

    @Test
    void forcedTimestampInTheFutureIsKeptAndMovesTheResource() {
        long current = lastModified(create("r1", "{}"));
        JsonObject forced = create("r2", "{'last_modified': " + (current + 5000) + "}");
        assertEquals(current + 5000, lastModified(forced));
        assertEquals(current + 5000, storage.resourceTimestamp(RECORD, PARENT));
    }

    @Test
    void forcedTimestampEqualToTheCurrentOneIsBumped() {
        long current = lastModified(create("r1", "{}"));
        JsonObject forced = create("r2", "{'last_modified': " + current + "}");
        assertEquals(current + 1, lastModified(forced));
        assertEquals(current + 1, storage.resourceTimestamp(RECORD, PARENT));
    }

    @Test
    void forcedTimestampInThePastIsKeptWithoutMovingTheResource() {
        long current = lastModified(create("r1", "{}"));
        JsonObject forced = storage.update(RECORD, PARENT, "r2", json("{'last_modified': " + (current - 5000) + "}"));
        assertEquals(current - 5000, lastModified(forced));
        assertEquals(current, storage.resourceTimestamp(RECORD, PARENT));
    }

    // Listing: filters.

    private void fruits() {
        create("f1", "{'name': 'apple', 'price': 3, 'ok': true, 'tags': ['red', 'fruit'], 'info': {'w': 100}}");
        create("f2", "{'name': 'banana', 'price': 1, 'ok': false, 'tags': ['yellow', 'fruit'], 'info': {'w': 120}}");
        create("f3", "{'name': 'Cherry', 'price': 5, 'ok': true, 'tags': ['red']}");
        create("f4", "{'name': 'date', 'price': 8.5, 'tags': []}");
    }

    @Test
    void filterOperators() {
        fruits();
        assertEquals(List.of("f1"), select(filter("name", "\"apple\"", Operator.EQ)));
        assertEquals(List.of("f3"), select(filter("price", "5.0", Operator.EQ)), "numbers compare by value");
        assertEquals(List.of("f2", "f3", "f4"), select(filter("name", "\"apple\"", Operator.NOT)));
        assertEquals(List.of("f2"), select(filter("price", "3", Operator.LT)));
        assertEquals(List.of("f1", "f2"), select(filter("price", "3", Operator.MAX)));
        assertEquals(List.of("f3", "f4"), select(filter("price", "3", Operator.GT)));
        assertEquals(List.of("f1", "f3", "f4"), select(filter("price", "3", Operator.MIN)));
        assertEquals(List.of("f1", "f3"), select(filter("name", "[\"apple\", \"Cherry\", \"zzz\"]", Operator.IN)));
        assertEquals(List.of("f2", "f4"), select(filter("name", "[\"apple\", \"Cherry\"]", Operator.EXCLUDE)));
        assertEquals(List.of("f2"), select(filter("name", "\"an\"", Operator.LIKE)));
        assertEquals(List.of("f3"), select(filter("name", "\"ch*\"", Operator.LIKE)), "case-insensitive, * wildcard");
        assertEquals(List.of("f1", "f2", "f3"), select(filter("ok", "true", Operator.HAS)));
        assertEquals(List.of("f4"), select(filter("ok", "false", Operator.HAS)));
        assertEquals(List.of("f1", "f3"), select(filter("tags", "[\"red\"]", Operator.CONTAINS)));
        assertEquals(List.of("f1"), select(filter("tags", "[\"red\", \"fruit\"]", Operator.CONTAINS)));
        assertEquals(List.of("f1", "f2", "f3"), select(filter("tags", "[\"red\", \"yellow\"]", Operator.CONTAINS_ANY)));
    }

    @Test
    void filtersCombineWithAndOnNestedFields() {
        fruits();
        assertEquals(List.of("f1"), select(filter("info.w", "110", Operator.LT), filter("ok", "true", Operator.EQ)));
        assertEquals(List.of("f2"), select(filter("info.w", "120", Operator.EQ)));
    }

    @Test
    void aMissingFieldSortsAfterEveryValueInComparisons() {
        fruits();
        assertEquals(List.of("f2", "f3", "f4"), select(filter("info.w", "110", Operator.GT)));
        assertEquals(List.of("f1"), select(filter("info.w", "110", Operator.LT)));
    }

    @Test
    void valuesOfDifferentTypesAreNeverEqual() {
        create("a", "{'v': 1}");
        create("b", "{'v': '1'}");
        create("c", "{'v': true}");
        assertEquals(List.of("a"), select(filter("v", "1", Operator.EQ)));
        assertEquals(List.of("b"), select(filter("v", "\"1\"", Operator.EQ)));
        assertEquals(List.of("c"), select(filter("v", "true", Operator.EQ)));
    }

    @Test
    void numericIdFilterMatchesTheStringId() {
        create("12", "{}");
        assertEquals(List.of("12"), select(filter("id", "12", Operator.EQ)));
    }

    // Listing: sorting, pagination, limit.

    @Test
    void sortingAcrossTypesFollowsKintoOrder() {
        create("missing", "{}");
        create("object", "{'v': {'a': 1}}");
        create("array", "{'v': [1]}");
        create("boolean", "{'v': false}");
        create("number", "{'v': 2}");
        create("string", "{'v': 'x'}");
        create("null", "{'v': null}");
        List<String> ascending = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("v", 1)), List.of(), null, false)));
        assertEquals(List.of("null", "string", "number", "boolean", "array", "object", "missing"), ascending);
        List<String> descending = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("v", -1)), List.of(), null, false)));
        assertEquals(List.of("missing", "object", "array", "boolean", "number", "string", "null"), descending);
    }

    @Test
    void multipleSortKeysApplyInOrder() {
        fruits();
        List<String> sorted = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("ok", 1), new Sort("price", -1)), List.of(), null, false)));
        assertEquals(List.of("f2", "f3", "f1", "f4"), sorted);
    }

    @Test
    void defaultListingIsNewestFirstWhenSortedByTimestamp() {
        fruits();
        List<String> sorted = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("last_modified", -1)), List.of(), null, false)));
        assertEquals(List.of("f4", "f3", "f2", "f1"), sorted);
    }

    @Test
    void paginationRulesAreAlternativesOfConjunctions() {
        fruits();
        List<List<Filter>> rules = List.of(
                List.of(filter("ok", "true", Operator.EQ), filter("price", "3", Operator.GT)),
                List.of(filter("name", "\"banana\"", Operator.EQ)));
        List<String> page = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("id", 1)), rules, null, false)));
        assertEquals(List.of("f2", "f3"), page);
    }

    @Test
    void paginationAfterAnObjectLackingTheSortFieldTreatsItAsGreatest() {
        fruits();
        create("f5", "{'name': 'elder'}");
        Filter afterMissing = new Filter("price", null, Operator.LT);
        Filter sameMissing = new Filter("price", null, Operator.EQ);
        List<String> smaller = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("id", 1)), List.of(List.of(afterMissing)), null, false)));
        assertEquals(List.of("f1", "f2", "f3", "f4"), smaller, "every present value sorts before a missing one");
        List<String> equal = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(), List.of(List.of(sameMissing)), null, false)));
        assertEquals(List.of("f5"), equal);
        assertEquals(List.of(), ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(), List.of(List.of(new Filter("price", null, Operator.GT))), null, false))));
    }

    @Test
    void limitKeepsTheFirstSortedObjects() {
        fruits();
        List<String> page = ids(storage.listAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("price", -1)), List.of(), 2, false)));
        assertEquals(List.of("f4", "f3"), page);
    }

    @Test
    void tombstonesAreListedOnlyWhenAskedAndFiltered() {
        fruits();
        long since = lastModified(storage.get(RECORD, PARENT, "f2"));
        JsonObject tombstone = storage.delete(RECORD, PARENT, "f3", null);
        List<Filter> newer = List.of(filter("last_modified", String.valueOf(since), Operator.GT));
        List<JsonObject> withDeleted = storage.listAll(RECORD, PARENT,
                new Query(newer, List.of(new Sort("last_modified", -1)), List.of(), null, true));
        assertEquals(List.of("f3", "f4"), ids(withDeleted));
        assertEquals(tombstone, withDeleted.get(0));
        assertEquals(List.of("f4"), ids(storage.listAll(RECORD, PARENT,
                new Query(newer, List.of(new Sort("last_modified", -1)), List.of(), null, false))));
    }

    @Test
    void countIgnoresTombstonesAndAppliesFilters() {
        fruits();
        storage.delete(RECORD, PARENT, "f1", null);
        assertEquals(3, storage.countAll(RECORD, PARENT, List.of()));
        assertEquals(1, storage.countAll(RECORD, PARENT, List.of(filter("ok", "true", Operator.EQ))));
    }

    @Test
    void countPerResourceSplitsObjectsAndTombstonesOverEveryParent() {
        assertEquals(Map.of(), storage.countPerResource());
        fruits();
        storage.create(RECORD, "/buckets/b2/collections/c9", json("{'id': 'elsewhere'}"));
        storage.create("collection", "/buckets/b1", json("{'id': 'c1'}"));
        storage.create("group", "/buckets/b1", json("{'id': 'g1'}"));
        storage.delete(RECORD, PARENT, "f1", null);
        storage.delete(RECORD, PARENT, "f2", null);
        storage.delete("group", "/buckets/b1", "g1", null);
        storage.listAll("bucket", "", Query.all());
        assertEquals(Map.of(
                RECORD, new ObjectCounts(3, 2),
                "collection", new ObjectCounts(1, 0),
                "group", new ObjectCounts(0, 1)), storage.countPerResource());
        storage.update(RECORD, PARENT, "f1", json("{'back': true}"));
        storage.purgeDeleted("group", "/buckets/b1", null, null);
        assertEquals(Map.of(RECORD, new ObjectCounts(4, 1), "collection", new ObjectCounts(1, 0)),
                storage.countPerResource());
    }

    // Plural deletion, wildcards, purge, flush.

    @Test
    void deleteAllDeletesWhatTheQuerySelects() {
        fruits();
        List<JsonObject> deleted = storage.deleteAll(RECORD, PARENT,
                new Query(List.of(filter("ok", "true", Operator.EQ)), List.of(new Sort("id", 1)), List.of(), null, false));
        assertEquals(List.of("f1", "f3"), ids(deleted));
        assertTrue(deleted.stream().allMatch(d -> d.getBoolean("deleted") && d.size() == 3));
        assertEquals(List.of("f2", "f4"), select());
        long newest = deleted.stream().mapToLong(StorageContract::lastModified).max().orElseThrow();
        assertEquals(newest, storage.resourceTimestamp(RECORD, PARENT));
    }

    @Test
    void deleteAllHonoursSortingAndLimit() {
        fruits();
        List<JsonObject> deleted = storage.deleteAll(RECORD, PARENT,
                new Query(List.of(), List.of(new Sort("price", 1)), List.of(), 2, false));
        assertEquals(List.of("f2", "f1"), ids(deleted));
        assertEquals(List.of("f3", "f4"), select());
    }

    @Test
    void parentWildcardsReachEveryMatchingParentAndResource() {
        storage.create("collection", "/buckets/b1", json("{'id': 'c1'}"));
        create("r1", "{}");
        storage.create(RECORD, "/buckets/b1/collections/c2", json("{'id': 'r2'}"));
        storage.create(RECORD, "/buckets/b2/collections/c1", json("{'id': 'other'}"));
        assertEquals(2, storage.countAll(RECORD, "/buckets/b1/*", List.of()));
        assertEquals(List.of("r1", "r2"), ids(storage.listAll(RECORD, "/buckets/b1/*",
                new Query(List.of(), List.of(new Sort("id", 1)), List.of(), null, false))));
        List<JsonObject> deleted = storage.deleteAll(null, "/buckets/b1*", Query.all());
        assertEquals(3, deleted.size());
        assertEquals(1, storage.countAll(RECORD, "/buckets/*", List.of()));
        assertEquals("other", storage.get(RECORD, "/buckets/b2/collections/c1", "other").getString("id"));
    }

    @Test
    void purgeRemovesTombstonesOlderThanATimestamp() {
        fruits();
        long first = lastModified(storage.delete(RECORD, PARENT, "f1", null));
        long second = lastModified(storage.delete(RECORD, PARENT, "f2", null));
        assertEquals(1, storage.purgeDeleted(RECORD, PARENT, second, null));
        assertEquals(List.of("f2"), ids(tombstones()));
        assertTrue(first < second);
        assertEquals(1, storage.purgeDeleted(RECORD, PARENT, null, null));
        assertEquals(List.of(), tombstones());
        assertEquals(2, storage.countAll(RECORD, PARENT, List.of()), "live objects are kept");
    }

    @Test
    void purgeCanKeepTheNewestTombstones() {
        fruits();
        for (String id : List.of("f1", "f2", "f3")) {
            storage.delete(RECORD, PARENT, id, null);
        }
        assertEquals(2, storage.purgeDeleted(RECORD, PARENT, null, 1));
        assertEquals(List.of("f3"), ids(tombstones()));
    }

    @Test
    void purgeAcceptsAParentWildcardForEveryResource() {
        create("r1", "{}");
        storage.create("group", "/buckets/b1", json("{'id': 'g1'}"));
        storage.delete(RECORD, PARENT, "r1", null);
        storage.delete("group", "/buckets/b1", "g1", null);
        assertEquals(2, storage.purgeDeleted(null, "/buckets/b1*", null, null));
        assertEquals(List.of(), tombstones());
    }

    @Test
    void flushRemovesObjectsTombstonesAndTimestamps() {
        create("r1", "{}");
        create("r2", "{}");
        storage.delete(RECORD, PARENT, "r2", null);
        storage.flush();
        assertEquals(List.of(), tombstones());
        assertThrows(ObjectNotFoundException.class, () -> storage.get(RECORD, PARENT, "r1"));
        // Without the old resource timestamp, an imported timestamp older than it becomes the current one.
        create("old", "{'last_modified': 1600000000000}");
        assertEquals(1_600_000_000_000L, storage.resourceTimestamp(RECORD, PARENT));
        assertEquals(1, storage.countAll(RECORD, PARENT, List.of()));
    }

    @Test
    void storedObjectsKeepEveryJsonType() {
        JsonObject object = json("{'s': 'é\\u0000', 'n': 1.5, 'big': 12345678901234567890, 'b': false, 'z': null,"
                + " 'a': [1, 'x', {'k': []}], 'o': {'nested': {'deep': true}}}");
        create("types", object.toString().replace('"', '\''));
        JsonObject stored = storage.get(RECORD, PARENT, "types");
        for (String key : object.keySet()) {
            assertEquals(object.get(key), stored.get(key), key);
        }
        assertEquals(JsonValue.NULL, stored.get("z"));
        assertTrue(stored.get("a") instanceof JsonArray);
    }

    private List<JsonObject> tombstones() {
        List<JsonObject> result = new ArrayList<>();
        storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(new Sort("id", 1)), List.of(), null, true))
                .stream().filter(o -> o.containsKey("deleted")).forEach(result::add);
        return result;
    }
}

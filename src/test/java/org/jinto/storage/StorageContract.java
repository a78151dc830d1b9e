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
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantics every {@link Storage} backend must have (Kinto's {@code StorageBase} and its memory backend),
 * tested through the interface only. A backend's test extends this class and provides {@link #newStorage()}.
 * <p>
 * Ported from Kinto 25.0.2's {@code kinto/core/storage/testing.py}: every case that applies to this interface.
 * Elsewhere: schema migration ({@code PostgresqlStorageTest}), backend errors on a real outage ({@code OutageTest},
 * {@code PostgresqlOutageIT}; Kinto injects them with mocks, and the memory backend cannot fail). Not applicable:
 * id generation and copying the input (ids come from the resource layer, JSON-P objects are immutable);
 * {@code with_deleted=False} (deletes always leave tombstones, {@link Storage#purgeDeleted} removes them); the
 * storage's readonly flag and ping writes (readonly mode is the HTTP layer's, {@link Storage#ping} never writes);
 * {@code before} with {@code max_retained} raising (Jinto defines the pair, tested here); bytes values;
 * {@code trim_objects} (not in the interface: the history plugin trims by query); deprecated Python arguments,
 * {@code get_all} and logging.
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
        long timestamp = storage.resourceTimestamp(RECORD, PARENT);
        UnicityException e = assertThrows(UnicityException.class, () -> create("r1", "{'v': 2}"));
        assertEquals(first, e.existing());
        assertEquals(timestamp, storage.resourceTimestamp(RECORD, PARENT), "a refused write bumps nothing");
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
    void unfilteredCountFollowsEveryKindOfWrite() {
        create("r1", "{}");
        create("r2", "{}");
        storage.update(RECORD, PARENT, "r2", json("{'v': 2}"));
        storage.update(RECORD, PARENT, "r3", json("{}"));
        storage.create(RECORD, PARENT, json("{'id': 'r4', 'last_modified': 1}"));
        assertThrows(UnicityException.class, () -> create("r1", "{}"));
        assertEquals(4, storage.countAll(RECORD, PARENT, List.of()), "created, replaced, upserted, forced, refused");
        storage.delete(RECORD, PARENT, "r1", null);
        storage.delete(RECORD, PARENT, "r2", lastModified(storage.get(RECORD, PARENT, "r2")) + 100_000);
        assertEquals(2, storage.countAll(RECORD, PARENT, List.of()), "deletions leave tombstones, not counted");
        create("r1", "{}");
        storage.update(RECORD, PARENT, "r2", json("{}"));
        assertEquals(4, storage.countAll(RECORD, PARENT, List.of()), "tombstones revived by create and by update");
        storage.deleteAll(RECORD, PARENT, new Query(List.of(filter("id", "\"r3\"", Operator.EQ)), List.of(), List.of(), null, false));
        storage.purgeDeleted(RECORD, PARENT, null, null);
        assertEquals(3, storage.countAll(RECORD, PARENT, List.of()), "plural deletion counted, purge changes nothing");
        storage.create(RECORD, PARENT + "-other", json("{'id': 'r1'}"));
        assertEquals(3, storage.countAll(RECORD, PARENT, List.of()), "each parent has its count");
        assertEquals(0, storage.countAll("group", PARENT, List.of()), "and each resource name");
        assertEquals(4, storage.countAll(RECORD, "/buckets/b1/*", List.of()), "wildcards sum them");
        storage.deleteAll(null, "/buckets/b1*", Query.all());
        assertEquals(0, storage.countAll(RECORD, "/buckets/b1/*", List.of()));
        assertEquals(0, storage.countAll(RECORD, "/nothing/here", List.of()), "never written");
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
        assertEquals(0, storage.countAll(RECORD, "/buckets/b_/*", List.of()), "only * is a wildcard");
        assertEquals(0, storage.countAll(RECORD, "/buckets/b./*", List.of()), "only * is a wildcard");
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
        assertEquals(List.of("f4"), select(), "live objects are kept");
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

    // Ported from Kinto's storage/testing.py (see the class comment).

    private static final String OTHER_PARENT = "/buckets/b1/collections/other";

    private JsonObject createAndDelete(String id, String fields) {
        create(id, fields);
        return storage.delete(RECORD, PARENT, id, null);
    }

    private List<JsonObject> list(List<Filter> filters, List<Sort> sorting, boolean includeDeleted) {
        return storage.listAll(RECORD, PARENT, new Query(filters, sorting, List.of(), null, includeDeleted));
    }

    private long count(Filter... filters) {
        return storage.countAll(RECORD, PARENT, List.of(filters));
    }

    private long resourceTimestamp() {
        return storage.resourceTimestamp(RECORD, PARENT);
    }

    @Test
    void unicodeResourceParentAndIdAreKept() {
        JsonObject created = storage.create("Rémy", "Rémy", json("{'id': 'Rémy'}"));
        assertEquals(created, storage.get("Rémy", "Rémy", "Rémy"));
    }

    @Test
    void updateKeepsTheIdItWasGivenOverTheObjectsOwn() {
        create("r1", "{}");
        storage.update(RECORD, PARENT, "r1", json("{'id': 'this-will-be-ignored', 'v': 1}"));
        assertEquals(1, storage.get(RECORD, PARENT, "r1").getInt("v"));
        assertEquals("r1", storage.get(RECORD, PARENT, "r1").getString("id"));
        assertThrows(ObjectNotFoundException.class, () -> storage.get(RECORD, PARENT, "this-will-be-ignored"));
    }

    @Test
    void anObjectRecreatedByUpdateCanBeDeletedAgainWithANewerTombstone() {
        long first = lastModified(createAndDelete("demo", "{}"));
        storage.update(RECORD, PARENT, "demo", json("{'id': 'demo'}"));
        long second = lastModified(storage.delete(RECORD, PARENT, "demo", null));
        assertTrue(second > first);
        assertEquals(List.of(second), tombstones().stream().map(StorageContract::lastModified).toList());
    }

    @Test
    void anotherParentCannotDeleteOrUpdateTheObject() {
        create("r1", "{'v': 1}");
        assertThrows(ObjectNotFoundException.class, () -> storage.delete(RECORD, OTHER_PARENT, "r1", null));
        storage.update(RECORD, OTHER_PARENT, "r1", json("{'another': 'object'}"));
        assertEquals(json("{'id': 'r1', 'v': 1, 'last_modified': " + lastModified(storage.get(RECORD, PARENT, "r1")) + "}"),
                storage.get(RECORD, PARENT, "r1"));
    }

    @Test
    void pingAnswersAndLeavesNothingBehind() {
        storage.ping();
        storage.ping();
        assertEquals(Map.of(), storage.countPerResource());
    }

    // Timestamps.

    @Test
    void resourceTimestampMovesOnEveryWrite() {
        create("r1", "{}");
        long created = resourceTimestamp();
        create("r2", "{}");
        long createdAgain = resourceTimestamp();
        storage.update(RECORD, PARENT, "r1", json("{'bar': 'foo'}"));
        long updated = resourceTimestamp();
        storage.delete(RECORD, PARENT, "r1", null);
        long deleted = resourceTimestamp();
        assertTrue(created < createdAgain && createdAgain < updated && updated < deleted,
                List.of(created, createdAgain, updated, deleted).toString());
    }

    @Test
    void timestampsAreTheClocksMilliseconds() {
        long before = System.currentTimeMillis();
        long stamped = lastModified(create("r1", "{}"));
        long after = System.currentTimeMillis();
        assertTrue(before <= stamped && stamped <= after, before + " <= " + stamped + " <= " + after);
    }

    @Test
    void writesAfterAFutureTimestampStillIncreaseIt() {
        long future = System.currentTimeMillis() + 3_600_000;
        create("r1", "{'last_modified': " + future + "}");
        assertEquals(future + 1, lastModified(create("r2", "{}")));
        assertEquals(future + 2, lastModified(storage.update(RECORD, PARENT, "r1", json("{}"))));
        assertEquals(future + 3, lastModified(storage.delete(RECORD, PARENT, "r1", null)));
        assertEquals(future + 3, resourceTimestamp());
    }

    @Test
    void forcedTimestampsFollowTheSameRuleOnUpdateAndCreate() {
        JsonObject stored = create("r1", "{}");
        long current = lastModified(stored);
        JsonObject unchanged = storage.update(RECORD, PARENT, "r1", stored);
        assertEquals(current + 1, lastModified(unchanged), "an equal timestamp is bumped");
        assertEquals(current + 1, resourceTimestamp());

        long future = current + 10;
        JsonObject ahead = storage.update(RECORD, PARENT, "r1", json("{'last_modified': " + future + "}"));
        assertEquals(future, lastModified(ahead));
        assertEquals(future, resourceTimestamp());

        JsonObject past = create("r2", "{'last_modified': " + (current - 10) + "}");
        assertEquals(current - 10, lastModified(past));
        assertEquals(current - 10, lastModified(storage.get(RECORD, PARENT, "r2")));
        assertEquals(future, resourceTimestamp(), "importing the past does not move the resource");
    }

    @Test
    void concurrentWritersGetDistinctTimestamps() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (String writer : List.of("a", "b")) {
                results.add(writers.submit(() -> {
                    List<Long> stamps = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        stamps.add(lastModified(create(writer + i, "{}")));
                    }
                    return stamps;
                }));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<List<Long>> result : results) {
                distinct.addAll(result.get(1, TimeUnit.MINUTES));
            }
            assertEquals(200, distinct.size());
        } finally {
            writers.shutdownNow();
        }
    }

    // Filters.

    @Test
    void eqOnArraysAndObjectsIsExactEquality() {
        create("rgb", "{'colors': ['red', 'green', 'blue']}");
        create("rg", "{'colors': ['red', 'green']}");
        create("r", "{'colors': ['red']}");
        create("empty", "{'colors': []}");
        create("text", "{'colors': ''}");
        create("object", "{'colors': {}}");
        create("ab", "{'meta': {'a': 1, 'b': 2}}");
        create("a", "{'meta': {'a': 1}}");
        create("abc", "{'meta': {'a': 1, 'b': 2, 'c': 3}}");
        create("list", "{'meta': []}");
        assertEquals(List.of("rg"), select(filter("colors", "[\"red\", \"green\"]", Operator.EQ)));
        assertEquals(List.of("r"), select(filter("colors", "[\"red\"]", Operator.EQ)));
        assertEquals(List.of("empty"), select(filter("colors", "[]", Operator.EQ)));
        assertEquals(List.of("object"), select(filter("colors", "{}", Operator.EQ)));
        assertEquals(List.of("ab"), select(filter("meta", "{\"a\": 1, \"b\": 2}", Operator.EQ)));
    }

    @Test
    void containsOnNumbersAndOnObjectsLackingTheField() {
        create("none", "{'code': 'black'}");
        create("f1", "{'fib': [1, 2, 3]}");
        create("f2", "{'fib': [2, 3, 5]}");
        create("f3", "{'fib': [3, 5, 8]}");
        create("f4", "{'fib': [5, 8, 13]}");
        assertEquals(List.of("f1", "f2"), select(filter("fib", "[2]", Operator.CONTAINS)));
        assertEquals(List.of("f1", "f2"), select(filter("fib", "[2, 3]", Operator.CONTAINS)));
        assertEquals(List.of("f1", "f2"), select(filter("fib", "[2]", Operator.CONTAINS_ANY)));
        assertEquals(List.of("f1", "f2", "f3"), select(filter("fib", "[2, 3]", Operator.CONTAINS_ANY)));
        assertEquals(List.of(), select(filter("fib", "[{\"demo\": \"foobar\"}]", Operator.CONTAINS)));
        assertEquals(List.of(), select(filter("fib", "[{\"demo\": \"foobar\"}]", Operator.CONTAINS_ANY)));
    }

    @Test
    void containsMatchesArraysOnly() {
        create("array", "{'fib': ['a', 'b', 'c']}");
        create("scalar", "{'fib': 'a'}");
        create("text", "{'fib': 'abc'}");
        create("object", "{'fib': {'html': '#00FF00'}}");
        assertEquals(List.of("array"), select(filter("fib", "[\"a\"]", Operator.CONTAINS)));
        assertEquals(List.of("array"), select(filter("fib", "[\"a\"]", Operator.CONTAINS_ANY)));
        assertEquals(List.of(), select(filter("fib", "[{\"html\": \"#00FF00\"}]", Operator.CONTAINS_ANY)));
    }

    private List<JsonValue> values(String field, Filter filter) {
        return list(List.of(filter), List.of(new Sort(field, 1)), false).stream().map(o -> o.get(field)).toList();
    }

    @Test
    void numericComparisonsLeaveOutObjectsLackingTheField() {
        create("missing", "{'missing': 'code'}");
        for (int code : new int[]{1, 10, 6, 46}) {
            create("c" + code, "{'code': " + code + "}");
        }
        assertEquals(List.of(Json.createValue(1), Json.createValue(6), Json.createValue(10)),
                values("code", filter("code", "10", Operator.MAX)));
        assertEquals(List.of(Json.createValue(1), Json.createValue(6)), values("code", filter("code", "10", Operator.LT)));
    }

    @Test
    void floatsCompareWithIntegers() {
        int i = 0;
        for (String note : List.of("10", "11.5", "8.5", "6", "7.5")) {
            create("n" + i++, "{'note': " + note + "}");
        }
        assertEquals(3, count(filter("note", "9.5", Operator.LT)));
    }

    @Test
    void stringsCompareAsText() {
        for (String name : List.of("Rémy", "Alexis", "Marie")) {
            create(name, "{'name': '" + name + "'}");
        }
        assertEquals(List.of(Json.createValue("Alexis"), Json.createValue("Marie")),
                values("name", filter("name", "\"Mathieu\"", Operator.LT)));
    }

    @Test
    void numberLikeStringsAreNotCastToNumbers() {
        int i = 0;
        for (String version : List.of("49.0", "6.0", "53.0b4")) {
            create("v" + i++, "{'product': {'version': '" + version + "'}}");
        }
        List<String> atLeast50 = list(List.of(filter("product.version", "\"50.0\"", Operator.MIN)),
                List.of(new Sort("product.version", 1)), false).stream()
                .map(o -> o.getJsonObject("product").getString("version")).toList();
        assertEquals(List.of("53.0b4", "6.0"), atLeast50);
        assertEquals(0, count(filter("product.version", "50.0", Operator.MIN)), "a number sorts after every string");

        create("p1", "{'phone': '0566199093'}");
        create("p2", "{'phone': '0781566199'}");
        assertEquals(List.of("p1"), select(filter("phone", "\"0566199093\"", Operator.EQ)));
        assertEquals(List.of(), select(filter("phone", "\"\"", Operator.EQ)));
    }

    @Test
    void numericIdFiltersMatchTheStringIds() {
        create("0", "{}");
        create("42", "{}");
        assertEquals(List.of("0"), select(filter("id", "0", Operator.EQ)));
        assertEquals(List.of("42"), select(filter("id", "42", Operator.EQ)));
    }

    @Test
    void eqNullMatchesOnlyAnExplicitNull() {
        create("alexis", "{'salary': null}");
        create("mathieu", "{'salary': 'null'}");
        create("niko", "{'salary': ''}");
        create("ethan", "{}");
        assertEquals(List.of("alexis"), select(filter("salary", "null", Operator.EQ)));
        List<String> paid = select(filter("salary", "0", Operator.GT), filter("salary", "true", Operator.HAS));
        assertFalse(paid.contains("ethan"), paid.toString());
    }

    @Test
    void hasCountsNullAndEmptyValuesAsPresent() {
        create("strawberry", "{}");
        create("blueberry", "{'author': null}");
        create("raspberry", "{'author': ''}");
        create("watermelon", "{'author': 'hello'}");
        create("pineapple", "{'author': 'null'}");
        assertEquals(List.of("blueberry", "pineapple", "raspberry", "watermelon"), select(filter("author", "true", Operator.HAS)));
        assertEquals(List.of("strawberry"), select(filter("author", "false", Operator.HAS)));
    }

    @Test
    void inAndExcludeOnIdsTimestampsNumbersAndNestedFields() {
        long a = lastModified(create("a", "{'code': 1, 'sub': {'city': 1}}"));
        long b = lastModified(create("b", "{'code': 2, 'sub': {'city': 2}}"));
        create("c", "{'code': 3, 'sub': {'city': 3}}");
        assertEquals(List.of("a", "b"), select(filter("id", "[\"a\", \"b\"]", Operator.IN)));
        assertEquals(List.of(), select(filter("id", "[]", Operator.IN)));
        assertEquals(List.of("a", "b"), select(filter("last_modified", "[" + a + ", " + b + "]", Operator.IN)));
        assertEquals(List.of("c"), select(filter("last_modified", "[" + a + ", " + b + "]", Operator.EXCLUDE)));
        assertEquals(List.of("c"), select(filter("code", "[1, 2]", Operator.EXCLUDE)));
        assertEquals(List.of("b", "c"), select(filter("code", "[1, \"b\"]", Operator.EXCLUDE)));
        assertEquals(List.of("c"), select(filter("sub.city", "[1, 2]", Operator.EXCLUDE)));
    }

    @Test
    void likeWithWildcardsIsAnchored() {
        for (String name : List.of("eabcg", "aabcc", "abc", "aec", "efg")) {
            create(name, "{'name': '" + name + "'}");
        }
        assertEquals(List.of("aabcc", "abc"), select(filter("name", "\"a*b*c\"", Operator.LIKE)));
    }

    @Test
    void comparisonFiltersSplitTheSortedListAtAnyValue() {
        create("strawberry", "{}");
        create("blueberry", "{'author': null}");
        create("raspberry", "{'author': 1}");
        create("orange", "{'author': true}");
        create("watermelon", "{'author': 'Ethan'}");
        List<Sort> byAuthor = List.of(new Sort("author", 1));
        List<String> sorted = ids(list(List.of(), byAuthor, false));
        for (String value : List.of("\"A\"", "\"Z\"", "\"\"", "0", "4")) {
            for (Operator[] split : new Operator[][]{{Operator.LT, Operator.MIN}, {Operator.MAX, Operator.GT}}) {
                List<String> joined = new ArrayList<>(ids(list(List.of(filter("author", value, split[0])), byAuthor, false)));
                joined.addAll(ids(list(List.of(filter("author", value, split[1])), byAuthor, false)));
                assertEquals(sorted, joined, split[0] + " and " + split[1] + " " + value);
            }
        }
        // Kinto's MISSING, which Jinto only takes in pagination rules: below it every present value, at it the rest.
        List<String> joined = new ArrayList<>();
        for (Operator operator : List.of(Operator.LT, Operator.EQ)) {
            joined.addAll(ids(storage.listAll(RECORD, PARENT, new Query(List.of(), byAuthor,
                    List.of(List.of(new Filter("author", null, operator))), null, false))));
        }
        assertEquals(sorted, joined);
    }

    // Sorting.

    @Test
    void sortingByANestedField() {
        for (int age : new int[]{3, 0, 9, 5}) {
            create("p" + age, "{'person': {'age': " + age + "}}");
        }
        assertEquals(List.of("p0", "p3", "p5", "p9"), ids(list(List.of(), List.of(new Sort("person.age", 1)), false)));
    }

    // Tombstones in sorted, filtered and paginated lists.

    @Test
    void sortingByTimestampMixesTombstonesWithObjects() {
        JsonObject first = createAndDelete("d1", "{}");
        create("live", "{}");
        JsonObject last = createAndDelete("d2", "{}");
        List<JsonObject> ascending = list(List.of(), List.of(new Sort("last_modified", 1)), true);
        assertEquals(List.of("d1", "live", "d2"), ids(ascending));
        assertEquals(first, ascending.get(0));
        assertEquals(last, ascending.get(2));
        assertEquals(List.of("d2", "live", "d1"), ids(list(List.of(), List.of(new Sort("last_modified", -1)), true)));
    }

    @Test
    void sortingByAFieldPutsTombstonesLastAndByDeletedFirst() {
        create("s0", "{'status': 0}");
        createAndDelete("s1", "{'status': 1}");
        createAndDelete("s2", "{'status': 2}");
        List<JsonObject> byStatus = list(List.of(), List.of(new Sort("status", 1), new Sort("id", 1)), true);
        assertEquals(List.of("s0", "s1", "s2"), ids(byStatus));
        assertFalse(byStatus.get(0).containsKey("deleted"));
        List<JsonObject> byDeleted = list(List.of(), List.of(new Sort("deleted", 1), new Sort("id", 1)), true);
        assertEquals(List.of("s1", "s2", "s0"), ids(byDeleted));
    }

    @Test
    void filtersOnFieldsNeverMatchTombstones() {
        create("live", "{'status': 0}");
        createAndDelete("gone", "{'status': 0}");
        assertEquals(List.of("live"), ids(list(List.of(filter("status", "0", Operator.EQ)), List.of(), true)));
        assertEquals(1, count(filter("status", "0", Operator.EQ)));
    }

    @Test
    void theDeletedFieldCanBeFiltered() {
        create("live", "{}");
        createAndDelete("gone", "{}");
        assertEquals(List.of("gone"), ids(list(List.of(filter("deleted", "true", Operator.EQ)), List.of(), true)));
        assertEquals(0, count(filter("deleted", "true", Operator.EQ)));
        assertEquals(List.of("live"), ids(list(List.of(filter("deleted", "true", Operator.NOT)), List.of(), true)));
        assertEquals(1, count(filter("deleted", "true", Operator.NOT)));
        assertEquals(List.of(), list(List.of(filter("deleted", "false", Operator.EQ)), List.of(), true));
        assertEquals(0, count(filter("deleted", "false", Operator.EQ)));
        assertEquals(List.of(), list(List.of(filter("deleted", "true", Operator.EQ)), List.of(), false));
    }

    @Test
    void paginationRulesApplyToTombstones() {
        for (int i = 0; i < 15; i++) {
            if (i % 2 == 0) {
                createAndDelete("r" + i, "{}");
            } else {
                create("r" + i, "{}");
            }
        }
        List<JsonObject> page = storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(new Sort("last_modified", 1)),
                List.of(List.of(filter("last_modified", "314", Operator.GT))), 5, true));
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), ids(page));
        assertTrue(page.get(0).getBoolean("deleted"));
        assertFalse(page.get(1).containsKey("deleted"));
    }

    @Test
    void paginationCanSkipEverything() {
        for (int i = 0; i < 5; i++) {
            create("r" + i, "{'i': " + i + "}");
        }
        assertEquals(List.of(), storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(),
                List.of(List.of(filter("i", "7", Operator.GT))), 5, true)));
    }

    @Test
    void paginationRulesStayWithinTheParent() {
        long intermediate = 0;
        for (int i = 0; i < 4; i++) {
            intermediate = lastModified(create("a" + i, "{'foo': " + i + "}"));
            storage.create(RECORD, OTHER_PARENT, json("{'id': 'b" + i + "', 'foo': " + i + "}"));
        }
        List<List<Filter>> rules = List.of(List.of(filter("foo", "1", Operator.GT)),
                List.of(filter("last_modified", String.valueOf(intermediate), Operator.GT)));
        List<JsonObject> page = storage.listAll(RECORD, PARENT, new Query(List.of(),
                List.of(new Sort("foo", -1), new Sort("last_modified", -1)), rules, 10, false));
        assertEquals(List.of("a3", "a2"), ids(page));
    }

    @Test
    void pagingThroughParentsThatShareAnIdReturnsEachObjectOnce() {
        List<String> secrets = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            storage.create(RECORD, "abc" + p, json("{'id': 'some_id', 'secret_data': 'abc" + p + "'}"));
            secrets.add("abc" + p);
        }
        assertEquals(10, storage.countAll(RECORD, "abc*", List.of()));
        for (int direction : new int[]{1, -1}) {
            List<Sort> sorting = List.of(new Sort("secret_data", direction), new Sort("last_modified", -1));
            for (int limit = 1; limit < 10; limit++) {
                List<String> walked = new ArrayList<>();
                List<List<Filter>> rules = List.of();
                while (walked.size() < 10) {
                    List<JsonObject> page = storage.listAll(RECORD, "abc*", new Query(List.of(), sorting, rules, limit, false));
                    assertFalse(page.isEmpty(), "limit " + limit + " after " + walked);
                    page.forEach(o -> walked.add(o.getString("secret_data")));
                    JsonObject last = page.get(page.size() - 1);
                    rules = List.of(
                            List.of(new Filter("secret_data", last.get("secret_data"), Operator.EQ),
                                    new Filter("last_modified", last.get("last_modified"), Operator.LT)),
                            List.of(new Filter("secret_data", last.get("secret_data"), direction == 1 ? Operator.GT : Operator.LT)));
                }
                List<String> expected = new ArrayList<>(secrets);
                if (direction == -1) {
                    java.util.Collections.reverse(expected);
                }
                assertEquals(expected, walked, "limit " + limit + ", direction " + direction);
            }
        }
    }

    // Plural deletion.

    @Test
    void deleteAllGivesTombstonesNewTimestamps() {
        Set<Long> before = new HashSet<>();
        before.add(lastModified(create("r1", "{}")));
        before.add(lastModified(create("r2", "{}")));
        long previous = resourceTimestamp();
        storage.deleteAll(RECORD, PARENT, Query.all());
        List<JsonObject> tombstones = tombstones();
        assertEquals(2, tombstones.size());
        assertTrue(tombstones.stream().map(StorageContract::lastModified).noneMatch(before::contains));
        assertTrue(resourceTimestamp() > previous);
    }

    @Test
    void deleteAllWithAParentPatternMatchesWholeParents() {
        storage.create("c", "abc", json("{'id': 'id1'}"));
        storage.create("c", "abc", json("{'id': 'id2'}"));
        storage.create("c", "xabcx", json("{'id': 'x'}"));
        storage.create("c", "efg", json("{'id': 'e'}"));
        storage.create("g", "def", json("{'id': 'id1'}"));
        assertEquals(2, storage.deleteAll(null, "ab*", Query.all()).size());
        List<JsonObject> abc = storage.listAll("c", "abc", new Query(List.of(), List.of(), List.of(), null, true));
        assertEquals(2, abc.size());
        assertTrue(abc.stream().allMatch(o -> o.getBoolean("deleted")));
        assertEquals(0, storage.countAll("c", "abc", List.of()));
        assertEquals(1, storage.countAll("c", "xabcx", List.of()));
        assertEquals(1, storage.countAll("c", "efg", List.of()));
        assertEquals(1, storage.countAll("g", "def", List.of()));
    }

    @Test
    void deleteAllHonoursPaginationRules() {
        for (int i = 0; i < 6; i++) {
            create("r" + i, "{'foo': " + i + "}");
        }
        List<JsonObject> deleted = storage.deleteAll(RECORD, PARENT, new Query(List.of(), List.of(),
                List.of(List.of(filter("foo", "3", Operator.GT))), 4, false));
        assertEquals(Set.of("r4", "r5"), Set.copyOf(ids(deleted)));
    }

    @Test
    void listingWithAParentPatternMatchesWholeParentsAndKeepsCollidingIds() {
        JsonObject abc = storage.create("c", "abc", json("{'id': 'same', 'secret_data': 'abc'}"));
        storage.create("c", "abc", json("{'id': 'gone'}"));
        storage.delete("c", "abc", "gone", null);
        JsonObject abd = storage.create("c", "abd", json("{'id': 'same', 'secret_data': 'abd'}"));
        storage.create("c", "xabcx", json("{'id': 'x'}"));
        storage.create("c", "efg", json("{'id': 'e'}"));
        List<JsonObject> matching = storage.listAll("c", "ab*",
                new Query(List.of(), List.of(new Sort("id", 1), new Sort("secret_data", 1)), List.of(), null, true));
        assertEquals(List.of("gone", "same", "same"), ids(matching));
        assertEquals(List.of(abc, abd), matching.subList(1, 3));
        assertEquals(2, storage.countAll("c", "ab*", List.of()));
    }

    // Purge.

    @Test
    void purgeWithoutTombstonesRemovesNothing() {
        create("r1", "{}");
        assertEquals(0, storage.purgeDeleted(RECORD, PARENT, null, null));
        assertEquals(1, count());
    }

    @Test
    void purgeKeepsTheNewestTombstonesOfEachParent() {
        Map<String, List<Long>> deleted = new java.util.HashMap<>();
        for (String[] scope : new String[][]{{"one", "cid1", "5"}, {"one", "cid2", "4"}, {"other", "cid1", "5"}}) {
            for (int i = 0; i < Integer.parseInt(scope[2]); i++) {
                storage.create(scope[0], scope[1], json("{'id': 'r" + i + "'}"));
                deleted.computeIfAbsent(scope[0] + scope[1], k -> new ArrayList<>())
                        .add(lastModified(storage.delete(scope[0], scope[1], "r" + i, null)));
            }
        }
        assertEquals(3, storage.purgeDeleted("one", "*", null, 3));
        assertEquals(deleted.get("onecid1").subList(2, 5), timestampsOf("one", "cid1"));
        assertEquals(deleted.get("onecid2").subList(1, 4), timestampsOf("one", "cid2"));
        assertEquals(deleted.get("othercid1"), timestampsOf("other", "cid1"));
    }

    @Test
    void purgeByAgeAndQuotaRemovesTombstonesOlderOrBeyondTheNewest() {
        List<Long> deleted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deleted.add(lastModified(createAndDelete("r" + i, "{}")));
        }
        assertEquals(2, storage.purgeDeleted(RECORD, PARENT, deleted.get(1), 3));
        assertEquals(deleted.subList(2, 5), timestampsOf(RECORD, PARENT));
    }

    private List<Long> timestampsOf(String resourceName, String parentId) {
        return storage.listAll(resourceName, parentId,
                        new Query(List.of(), List.of(new Sort("last_modified", 1)), List.of(), null, true))
                .stream().map(StorageContract::lastModified).toList();
    }

    @Test
    void purgingEveryResourceOfParentsForgetsTheirTimestamps() {
        storage.create("c", "/abc/a", json("{'id': 'x', 'last_modified': 1600000000000}"));
        storage.create("c", "/efg", json("{'id': 'y'}"));
        assertEquals(Set.of("/abc/a", "/efg"), storage.allResourcesTimestamps("c").keySet());
        long efg = storage.resourceTimestamp("c", "/efg");
        long ijk = storage.resourceTimestamp("c", "/ijk");

        storage.deleteAll(null, "/abc/*", Query.all());
        storage.purgeDeleted(null, "/abc/*", null, null);

        assertEquals(Set.of("/efg", "/ijk"), storage.allResourcesTimestamps("c").keySet());
        assertTrue(storage.resourceTimestamp("c", "/abc/a") > 1_600_000_000_000L, "a new timestamp from the clock");
        assertEquals(efg, storage.resourceTimestamp("c", "/efg"));
        assertEquals(ijk, storage.resourceTimestamp("c", "/ijk"));
    }

    private List<JsonObject> tombstones() {
        List<JsonObject> result = new ArrayList<>();
        storage.listAll(RECORD, PARENT, new Query(List.of(), List.of(new Sort("id", 1)), List.of(), null, true))
                .stream().filter(o -> o.containsKey("deleted")).forEach(result::add);
        return result;
    }
}

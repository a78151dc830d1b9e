package org.jinto.storage.postgresql;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;
import org.jinto.storage.memory.MemoryStorage;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator, on values of every JSON type and on missing fields, selects in SQL exactly what the memory
 * backend selects, and sorting orders across types as the memory backend does.
 */
class PostgresqlMatchesMemoryTest {

    private static final String RECORDS = """
            [{"id": "s1", "v": "apple", "tags": ["a", "b"]},
             {"id": "s2", "v": "Banana", "tags": ["a"]},
             {"id": "s3", "v": "cherry pie", "tags": []},
             {"id": "s4", "v": "100%_sure", "tags": "a"},
             {"id": "n1", "v": 1, "tags": [1, 2]},
             {"id": "n2", "v": 2.5, "tags": [["n"]]},
             {"id": "n3", "v": -3, "deep": {"x": 1}},
             {"id": "n4", "v": 10, "deep": {"x": "one"}},
             {"id": "b1", "v": true, "deep": {"x": null}},
             {"id": "b2", "v": false, "deep": 3},
             {"id": "z1", "v": null, "deep.x": 5, "deep": {"x": 6}},
             {"id": "a1", "v": [1, 2], "tags": [{"k": 1}]},
             {"id": "o1", "v": {"x": 1}},
             {"id": "m1"},
             {"id": "m2", "other": 1}]
            """;

    private static final String VALUES = """
            ["apple", "b", "Banana", "B", 1, 1.0, 2.5, 2, -3, 10, true, false, null, [1, 2], {"x": 1}, 6, 5, "one",
             "1"]
            """;

    private static final String LIST_VALUES = """
            [[], ["apple", 1, null], [2.5, true], ["a"], ["a", "b"], [1], ["b", 2], ["zzz"], [["n"]], [{"k": 1}],
             ["s1", "n1"], "apple", 1]
            """;

    private static final String LIKE_VALUES = """
            ["an", "*pie", "ap*", "APP", "%", "_", "100%", "*", "", 1, "s*"]
            """;

    private static Database database;
    private static Storage postgresql;
    private static Storage memory;
    private static List<String> lastModifieds;

    @BeforeAll
    static void load() {
        database = PostgresqlTestDatabase.open("storage");
        postgresql = new PostgresqlStorage(database, 10000);
        memory = new MemoryStorage();
        lastModifieds = new ArrayList<>();
        for (JsonValue record : array(RECORDS)) {
            JsonObject stored = postgresql.create("record", "/c", record.asJsonObject());
            memory.create("record", "/c", stored);
            lastModifieds.add(stored.get("last_modified").toString());
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void everyOperatorSelectsWhatTheMemoryBackendSelects() {
        List<String> differences = new ArrayList<>();
        JsonArray scalars = array(VALUES);
        JsonArray lists = array(LIST_VALUES);
        JsonArray likes = array(LIKE_VALUES);
        for (String field : List.of("v", "deep.x", "tags", "id", "last_modified", "absent")) {
            for (Operator operator : Operator.values()) {
                JsonArray values = switch (operator) {
                    case IN, EXCLUDE, CONTAINS, CONTAINS_ANY -> lists;
                    case LIKE -> likes;
                    case HAS -> Json.createArrayBuilder().add(true).add(false).build();
                    default -> field.equals("last_modified") ? withTimestamps(scalars) : scalars;
                };
                for (JsonValue value : values) {
                    if (!orderedAmongThemselves(operator, value)) {
                        compare(new Filter(field, value, operator), differences);
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    /**
     * Arrays and objects compare among themselves as PostgreSQL's JSONB does (arrays by length first), not by
     * their text as the memory backend does; across types both follow Kinto's rank.
     */
    private static boolean orderedAmongThemselves(Operator operator, JsonValue value) {
        return List.of(Operator.LT, Operator.MAX, Operator.GT, Operator.MIN).contains(operator)
                && (value instanceof JsonArray || value instanceof JsonObject);
    }

    @Test
    void emptyArraysSortWithArrays() {
        postgresql.create("record", "/empty", Json.createObjectBuilder().add("id", "e").add("v", JsonValue.EMPTY_JSON_ARRAY).build());
        postgresql.create("record", "/empty", Json.createObjectBuilder().add("id", "n").add("v", JsonValue.NULL).build());
        postgresql.create("record", "/empty", Json.createObjectBuilder().add("id", "s").add("v", "text").build());
        Query sorted = new Query(List.of(), List.of(new Sort("v", 1)), List.of(), null, false);
        assertEquals(List.of("n", "s", "e"), postgresql.listAll("record", "/empty", sorted).stream().map(o -> o.getString("id")).toList());
        Query greater = new Query(List.of(new Filter("v", Json.createValue("text"), Operator.GT)), List.of(), List.of(), null, false);
        assertEquals(List.of("e"), postgresql.listAll("record", "/empty", greater).stream().map(o -> o.getString("id")).toList());
    }

    @Test
    void missingValuesFollowKintosPaginationRules() {
        List<String> differences = new ArrayList<>();
        for (String field : List.of("v", "deep.x", "id", "last_modified")) {
            for (Operator operator : Operator.values()) {
                compare(new Filter(field, null, operator), differences);
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(List.of("m1", "m2"), ids(postgresql, new Query(List.of(new Filter("v", null, Operator.EQ)),
                List.of(new Sort("id", 1)), List.of(), null, false)));
    }

    @Test
    void sortingAcrossTypesMatches() {
        for (String field : List.of("v", "deep.x", "id", "last_modified")) {
            for (int direction : new int[]{1, -1}) {
                Query query = new Query(List.of(), List.of(new Sort(field, direction), new Sort("id", 1)), List.of(), null, false);
                assertEquals(ids(memory, query), ids(postgresql, query), "sorted by " + field + " " + direction);
            }
        }
        Query valuesFirst = new Query(List.of(), List.of(new Sort("v", 1), new Sort("id", 1)), List.of(), null, false);
        assertEquals(List.of("z1", "s4", "s2", "s1", "s3", "n3", "n1", "n2", "n4", "b2", "b1", "a1", "o1", "m1", "m2"),
                ids(postgresql, valuesFirst));
    }

    @Test
    void keysetPaginationWalksTheWholeSortedList() {
        Query sorted = new Query(List.of(), List.of(new Sort("v", 1), new Sort("id", 1)), List.of(), null, false);
        List<String> all = ids(postgresql, sorted);
        List<String> walked = new ArrayList<>();
        JsonObject last = null;
        while (true) {
            List<List<Filter>> rules = last == null ? List.of() : rules(last);
            List<JsonObject> page = postgresql.listAll("record", "/c",
                    new Query(List.of(), sorted.sorting(), rules, 4, false));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(o -> walked.add(o.getString("id")));
            last = page.get(page.size() - 1);
        }
        assertEquals(all, walked);
        assertTrue(all.size() > 10);
    }

    /** Kinto's rules after an object, for sorting by (v, id): v after, or same v and id after. */
    private static List<List<Filter>> rules(JsonObject last) {
        JsonValue v = last.get("v");
        return List.of(
                List.of(new Filter("v", v, Operator.GT)),
                List.of(new Filter("v", v, Operator.EQ), new Filter("id", last.get("id"), Operator.GT)));
    }

    private static void compare(Filter filter, List<String> differences) {
        Query query = new Query(List.of(filter), List.of(new Sort("id", 1)), List.of(), null, false);
        List<String> expected = ids(memory, query);
        List<String> actual = ids(postgresql, query);
        if (!expected.equals(actual)) {
            differences.add(filter.operator() + " " + filter.field() + " " + filter.value() + ": memory " + expected
                    + ", postgresql " + actual);
        }
        long count = postgresql.countAll("record", "/c", List.of(filter));
        if (count != expected.size()) {
            differences.add("count " + filter + ": " + count + " instead of " + expected.size());
        }
    }

    private static JsonArray withTimestamps(JsonArray scalars) {
        var values = Json.createArrayBuilder(scalars);
        lastModifieds.forEach(t -> values.add(Json.createReader(new StringReader(t)).readValue()));
        return values.build();
    }

    private static List<String> ids(Storage storage, Query query) {
        return storage.listAll("record", "/c", query).stream().map(o -> o.getString("id")).toList();
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }
}

package org.jinto.resource.query;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectionTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final JsonObject APPLE = json("{\"id\": \"f1\", \"last_modified\": 1, \"name\": \"apple\","
            + " \"price\": 3, \"info\": {\"origin\": \"fr\", \"w\": 100, \"sub\": {\"a\": 1, \"b\": 2}}}");

    @Test
    void keepsTheFieldsPlusIdAndTimestamp() {
        // golden/11_sorting_fields.json "fields selection"
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"name\": \"apple\", \"price\": 3}"),
                Projection.project(APPLE, List.of("name", "price", "absent")));
    }

    @Test
    void dottedFieldsKeepPartsOfNestedObjects() {
        // golden/11_sorting_fields.json "fields nested"
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"info\": {\"origin\": \"fr\"}}"),
                Projection.project(APPLE, List.of("info.origin")));
        assertEquals(json("{\"id\": \"f5\", \"last_modified\": 2}"),
                Projection.project(json("{\"id\": \"f5\", \"last_modified\": 2, \"n\": 1}"), List.of("info.origin")));
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"info\": {\"w\": 100, \"sub\": {\"a\": 1, \"b\": 2}}}"),
                Projection.project(APPLE, List.of("info.w", "info.sub.a", "info.sub.b", "info.sub.c")));
    }

    @Test
    void aDottedFieldOnANonObjectKeepsTheWholeValue() {
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"name\": \"apple\"}"),
                Projection.project(APPLE, List.of("name.first")));
    }

    @Test
    void wholeAndPartialFieldsMerge() {
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"info\": {\"origin\": \"fr\", \"w\": 100,"
                        + " \"sub\": {\"a\": 1, \"b\": 2}}}"),
                Projection.project(APPLE, List.of("info", "info.w")));
        assertEquals(json("{\"id\": \"f1\", \"last_modified\": 1, \"info\": {\"origin\": \"fr\", \"w\": 100,"
                        + " \"sub\": {\"a\": 1, \"b\": 2}}}"),
                Projection.project(APPLE, List.of("info.w", "info")));
    }
}

package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lists through the engine: filters, sorting, pagination with Next-Page, field selection, filtered deletes. */
class ListsIT extends ApiTestSupport {

    private final String records;

    ListsIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        records = "/buckets/" + b + "/collections/" + c + "/records";
        String[] names = {"apple", "banana", "cherry", "date", "elder"};
        for (int i = 0; i < names.length; i++) {
            alice.send("PUT", records + "/f" + (i + 1),
                    "{\"data\": {\"name\": \"" + names[i] + "\", \"price\": " + (i * 2 + 1) + ", \"info\": {\"n\": " + i + "}}}");
        }
    }

    @Test
    void filtersAndSortingApply() {
        assertEquals(List.of("f3", "f4", "f5"), ids(alice.get(records + "?gt_price=4&_sort=id")));
        assertEquals(List.of("f2"), ids(alice.get(records + "?like_name=an")));
        assertEquals(List.of("f5", "f4"), ids(alice.get(records + "?min_info.n=3&_sort=-name")));
        assertEquals("2", alice.send("HEAD", records + "?in_name=apple,date", null).header("Total-Objects"));
        assertInvalid(alice.get(records + "?_limit=abc"), "querystring", "_limit");
    }

    @Test
    void pagesFollowNextPageLinks() {
        List<String> seen = new ArrayList<>();
        String next = records + "?_sort=price&_limit=2";
        int pages = 0;
        while (next != null) {
            Http.Response page = alice.get(next);
            assertEquals(200, page.status());
            seen.addAll(ids(page));
            next = page.header("Next-Page");
            assertTrue(next == null || next.startsWith("http://127.0.0.1"), next);
            pages++;
        }
        assertEquals(List.of("f1", "f2", "f3", "f4", "f5"), seen);
        assertEquals(3, pages);
        assertInvalid(alice.get(records + "?_token=garbage"), "querystring", null);
    }

    @Test
    void fieldsSelectWhatIsReturned() {
        JsonObject first = alice.get(records + "?_fields=name&_sort=id").object().getJsonArray("data").getJsonObject(0);
        assertEquals(List.of("id", "last_modified", "name"), first.keySet().stream().sorted().toList());
        Http.Response one = alice.get(records + "/f1?_fields=info.n");
        assertEquals(0, one.object().getJsonObject("data").getJsonObject("info").getInt("n"));
        assertFalse(one.object().getJsonObject("data").containsKey("name"));
        assertNull(one.object().get("permissions"));
    }

    @Test
    void pluralDeleteHonoursFiltersAndLimits() {
        Http.Response deleted = alice.send("DELETE", records + "?lt_price=4", null);
        assertEquals(List.of("f1", "f2"), ids(deleted).stream().sorted().toList());
        Http.Response firstPage = alice.send("DELETE", records + "?_limit=1&_sort=id", null);
        assertEquals(List.of("f3"), ids(firstPage));
        String next = firstPage.header("Next-Page");
        assertEquals(List.of("f4"), ids(alice.send("DELETE", next, null)));
        assertInvalid(alice.send("DELETE", next, null), "querystring", null);
        assertEquals(List.of("f5"), ids(alice.get(records)));
    }

    @Test
    void sharedListsCombineWithFilters() {
        alice.send("PATCH", records + "/f2", "{\"permissions\": {\"read\": [\"" + userId(bob) + "\"]}}");
        alice.send("PATCH", records + "/f4", "{\"permissions\": {\"read\": [\"" + userId(bob) + "\"]}}");
        assertEquals(List.of("f2", "f4"), ids(bob.get(records + "?_sort=id")));
        assertEquals(List.of("f4"), ids(bob.get(records + "?gt_price=4")));
        assertEquals("2", bob.send("HEAD", records, null).header("Total-Objects"));
    }
}

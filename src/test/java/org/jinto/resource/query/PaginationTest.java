package org.jinto.resource.query;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Sort;
import org.jinto.cache.memory.MemoryCache;
import org.jinto.storage.memory.MemoryStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threeten.extra.MutableClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pagination over the real in-memory storage, following Next-Page URLs as a client does. */
class PaginationTest {

    private static final String PARENT = "/buckets/b1/collections/c1";
    private static final String URL = "http://127.0.0.1:8885/v1/buckets/b1/collections/c1/records";

    private final MemoryStorage storage = new MemoryStorage();
    private final MutableClock clock = MutableClock.epochUTC();
    private final MemoryCache cache = new MemoryCache(clock);
    private final Pagination pagination = new Pagination(cache, 10);
    private final ListRequestParser parser = new ListRequestParser(new ListOptions(null, 10000, null));

    @BeforeEach
    void seed() {
        // As golden/09_pagination.json: p1..p7 with a rank, odd and even groups.
        for (int rank = 1; rank <= 7; rank++) {
            storage.create("record", PARENT, Json.createObjectBuilder()
                    .add("id", "p" + rank).add("rank", rank).add("grp", rank % 2 == 1 ? "odd" : "even").build());
        }
    }

    private PageResult get(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        ListRequest request = parser.forGet(query);
        Page page = pagination.resume(request, false);
        List<JsonObject> fetched = storage.listAll("record", PARENT, pagination.pageQuery(request, page));
        return pagination.page(request, page, fetched, new NextPageLink(URL, query));
    }

    private static List<String> ids(PageResult page) {
        return page.objects().stream().map(object -> object.getString("id")).toList();
    }

    private static String query(String nextPage) {
        assertTrue(nextPage.startsWith(URL + "?"), nextPage);
        return nextPage.substring(URL.length() + 1);
    }

    private static JsonObject token(String nextPage) {
        String encoded = nextPage.substring(nextPage.indexOf("_token=") + 7).replace("%3D", "=")
                .replace("%2B", "+").replace("%2F", "/");
        return Json.createReader(new java.io.StringReader(
                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))).readObject();
    }

    private long lastModified(String id) {
        return storage.get("record", PARENT, id).getJsonNumber("last_modified").longValue();
    }

    @Test
    void followsPagesNewestFirst() {
        PageResult first = get("_limit=3");
        assertEquals(List.of("p7", "p6", "p5"), ids(first));
        String next = first.nextPage().orElseThrow();
        assertTrue(query(next).startsWith("_limit=3&_token="), next);
        JsonObject token = token(next);
        // Kinto counts the look-ahead object in the offset: 0 + 4.
        assertEquals(4, token.getInt("offset"));
        assertEquals(Json.createObjectBuilder().add("last_modified", lastModified("p5")).build(),
                token.getJsonObject("last_object"));
        assertTrue(token.getString("nonce").startsWith("pagination-token-"));

        PageResult second = get(query(next));
        assertEquals(List.of("p4", "p3", "p2"), ids(second));
        assertEquals(8, token(second.nextPage().orElseThrow()).getInt("offset"));
        PageResult third = get(query(second.nextPage().orElseThrow()));
        assertEquals(List.of("p1"), ids(third));
        assertTrue(third.nextPage().isEmpty());
    }

    @Test
    void sortedPagesCarryTheSortValues() {
        PageResult first = get("_limit=4&_sort=rank");
        assertEquals(List.of("p1", "p2", "p3", "p4"), ids(first));
        JsonObject token = token(first.nextPage().orElseThrow());
        assertEquals("{\"rank\":4,\"last_modified\":" + lastModified("p4") + "}",
                token.getJsonObject("last_object").toString());
        assertEquals(5, token.getInt("offset"));
        PageResult second = get(query(first.nextPage().orElseThrow()));
        assertEquals(List.of("p5", "p6", "p7"), ids(second));
        assertTrue(second.nextPage().isEmpty());
    }

    @Test
    void filteredPagesKeepTheOtherParameters() {
        PageResult first = get("grp=odd&_limit=2&_sort=-rank");
        assertEquals(List.of("p7", "p5"), ids(first));
        String next = first.nextPage().orElseThrow();
        assertTrue(query(next).startsWith("grp=odd&_limit=2&_sort=-rank&_token="), next);
        assertEquals(List.of("p3", "p1"), ids(get(query(next))));
    }

    @Test
    void noNextPageWhenTheLimitIsExactlyReached() {
        PageResult all = get("_limit=7");
        assertEquals(7, all.objects().size());
        assertTrue(all.nextPage().isEmpty());
        assertTrue(get(null).nextPage().isEmpty());
    }

    @Test
    void objectsLackingTheSortFieldComeLastAndAreEachListedOnce() {
        storage.create("record", PARENT, Json.createObjectBuilder().add("id", "x1").build());
        storage.create("record", PARENT, Json.createObjectBuilder().add("id", "x2").build());
        for (String sort : new String[]{"rank", "-rank", "grp,rank", "-grp,-rank"}) {
            List<String> expected = ids(get("_sort=" + sort));
            List<String> visited = new ArrayList<>();
            String query = "_limit=1&_sort=" + sort;
            while (query != null) {
                PageResult page = get(query);
                visited.addAll(ids(page));
                query = page.nextPage().map(PaginationTest::query).orElse(null);
            }
            assertEquals(expected, visited, sort);
            assertEquals(9, visited.size());
        }
        assertEquals(List.of("x2", "x1"), ids(get("_sort=rank")).subList(7, 9));
    }

    @Test
    void rulesAreKintosOrOfAnds() {
        JsonObject last = Json.createObjectBuilder().add("a", 1).add("last_modified", 10).build();
        List<Sort> sorting = List.of(new Sort("a", 1), new Sort("b", -1), new Sort("last_modified", -1));
        assertEquals(List.of(
                        List.of(new Filter("a", Json.createValue(1), Operator.EQ), new Filter("b", null, Operator.EQ),
                                new Filter("last_modified", Json.createValue(10), Operator.LT)),
                        List.of(new Filter("a", Json.createValue(1), Operator.EQ), new Filter("b", null, Operator.LT)),
                        List.of(new Filter("a", Json.createValue(1), Operator.GT))),
                Pagination.rules(sorting, last));
    }

    @Test
    void readsKintosOwnTokens() {
        // The first Next-Page token recorded from Kinto in golden/09_pagination.json.
        String kinto = "eyJsYXN0X29iamVjdCI6eyJsYXN0X21vZGlmaWVkIjoxNzk1OTYzMzQwMjg2fSwib2Zmc2V0Ijo0LCJub25jZSI6InBhZ2"
                + "luYXRpb24tdG9rZW4tYzA4N2UwODAtZmNhMC00ZGNmLTgwYjUtYTU0YmU3MDYzZDJkIn0=";
        Page page = pagination.resume(parser.forGet(QueryString.parse("_limit=3&_token=" + kinto.replace("=", "%3D"))),
                false);
        assertEquals(4, page.offset());
        assertEquals(List.of(List.of(new Filter("last_modified", Json.createValue(1795963340286L), Operator.LT))),
                page.rules());
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "eyJhIjox",
            "bm90IGpzb24=",
            "W10=",
            "//79",
    })
    void tamperedTokensAreABadRequest(String token) {
        assertInvalidToken(token);
    }

    @Test
    void tokensWhoseContentWouldBreakTheStorageAreABadRequest() {
        for (String json : new String[]{
                "{\"offset\": 1, \"nonce\": \"n\"}",
                "{\"last_object\": [], \"offset\": 1, \"nonce\": \"n\"}",
                "{\"last_object\": {}, \"offset\": \"4\", \"nonce\": \"n\"}",
                "{\"last_object\": {}, \"offset\": -1, \"nonce\": \"n\"}",
                "{\"last_object\": {}, \"offset\": 1.5, \"nonce\": \"n\"}",
                "{\"last_object\": {}, \"offset\": 99999999999999999999999, \"nonce\": \"n\"}",
                "{\"last_object\": {}, \"offset\": 1, \"nonce\": 5}",
                "{\"last_object\": {}, \"offset\": 1}",
                "{\"last_object\": {\"last_modified\": \"abc\"}, \"offset\": 1, \"nonce\": \"n\"}",
                "{\"last_object\": {\"id\": 5}, \"offset\": 1, \"nonce\": \"n\"}",
        }) {
            assertInvalidToken(base64(json));
        }
        // Unknown members and any value of other sort fields are accepted, as Kinto does.
        Page page = pagination.resume(parser.forGet(QueryString.parse("_sort=rank&_token=" + NextPageLink.quotePlus(
                base64("{\"last_object\": {\"rank\": {\"x\": [1]}}, \"offset\": 2, \"nonce\": \"n\", \"extra\": 1}")))),
                false);
        assertEquals(2, page.offset());
        assertNull(page.rules().get(0).get(1).value());
        // No last_modified in the token: it is MISSING, after every timestamp, so rank 4 is listed again.
        assertEquals(List.of("p4", "p5", "p6", "p7"), ids(get("_sort=rank&_token=" + NextPageLink.quotePlus(
                base64("{\"last_object\": {\"rank\": 4}, \"offset\": 5, \"nonce\": \"n\"}")))));
    }

    private void assertInvalidToken(String token) {
        ListRequest request = parser.forGet(QueryString.parse("_limit=2&_token=" + NextPageLink.quotePlus(token)));
        // golden/09_pagination.json "bad token"
        assertInvalid(() -> pagination.resume(request, false), "querystring: _token has invalid content",
                detail("querystring", null, "_token has invalid content"));
    }

    @Test
    void deleteTokensAreSingleUse() {
        QueryString query = QueryString.parse("_limit=2");
        ListRequest request = parser.forDelete(query);
        Page page = pagination.resume(request, true);
        List<JsonObject> fetched = storage.listAll("record", PARENT, pagination.pageQuery(request, page));
        List<JsonObject> deleted = storage.deleteAll("record", PARENT, pagination.deleteQuery(request, page));
        assertEquals(List.of("p7", "p6"), deleted.stream().map(o -> o.getString("id")).toList());
        String next = pagination.nextPageAfterDelete(request, page, fetched, deleted, new NextPageLink(URL, query))
                .orElseThrow();
        JsonObject token = token(next);
        // Kinto does not advance the offset after a delete.
        assertEquals(0, token.getInt("offset"));
        assertEquals("", cache.get(token.getString("nonce")));

        ListRequest following = parser.forDelete(QueryString.parse(query(next)));
        Page resumed = pagination.resume(following, true);
        List<JsonObject> more = storage.deleteAll("record", PARENT, pagination.deleteQuery(following, resumed));
        assertEquals(List.of("p5", "p4"), more.stream().map(o -> o.getString("id")).toList());
        assertInvalid(() -> pagination.resume(following, true), "querystring: _token was already used or has expired.",
                detail("querystring", null, "_token was already used or has expired."));
        // A GET token was never registered for deletion.
        String getToken = get("_limit=1").nextPage().orElseThrow();
        assertInvalid(() -> pagination.resume(parser.forDelete(QueryString.parse(query(getToken))), true),
                "querystring: _token was already used or has expired.",
                detail("querystring", null, "_token was already used or has expired."));
    }

    @Test
    void noNextPageAfterDeletingTheLastObjects() {
        ListRequest request = parser.forDelete(QueryString.parse("_limit=10"));
        List<JsonObject> fetched = storage.listAll("record", PARENT, pagination.pageQuery(request, Page.FIRST));
        List<JsonObject> deleted = storage.deleteAll("record", PARENT, pagination.deleteQuery(request, Page.FIRST));
        assertEquals(7, deleted.size());
        assertTrue(pagination.nextPageAfterDelete(request, Page.FIRST, fetched, deleted,
                new NextPageLink(URL, QueryString.empty())).isEmpty());
    }

    @Test
    void deleteTokensExpire() {
        Pagination brief = new Pagination(cache, 1);
        QueryString query = QueryString.parse("_limit=1");
        ListRequest request = parser.forDelete(query);
        List<JsonObject> fetched = storage.listAll("record", PARENT, brief.pageQuery(request, Page.FIRST));
        List<JsonObject> deleted = storage.deleteAll("record", PARENT, brief.deleteQuery(request, Page.FIRST));
        String next = brief.nextPageAfterDelete(request, Page.FIRST, fetched, deleted, new NextPageLink(URL, query))
                .orElseThrow();
        clock.add(Duration.ofMillis(1100));
        assertInvalid(() -> brief.resume(parser.forDelete(QueryString.parse(query(next))), true),
                "querystring: _token was already used or has expired.",
                detail("querystring", null, "_token was already used or has expired."));
    }

    @Test
    void pageQueriesAskForOneMoreObject() {
        ListRequest request = parser.forGet(QueryString.parse("_limit=3&_since=5"));
        assertEquals(4, pagination.pageQuery(request, Page.FIRST).limit());
        assertTrue(pagination.pageQuery(request, Page.FIRST).includeDeleted());
        assertEquals(3, pagination.deleteQuery(request, Page.FIRST).limit());
    }
}

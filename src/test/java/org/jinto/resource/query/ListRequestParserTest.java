package org.jinto.resource.query;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Sort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListRequestParserTest {

    private static final Sort NEWEST_FIRST = new Sort("last_modified", -1);
    private final ListRequestParser parser = new ListRequestParser(new ListOptions(null, 10000, null));

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private ListRequest get(String rawQuery) {
        return parser.forGet(QueryString.parse(rawQuery));
    }

    private Filter onlyFilter(String rawQuery) {
        List<Filter> filters = get(rawQuery).filters();
        assertEquals(1, filters.size(), filters.toString());
        return filters.get(0);
    }

    private void assertQueryError(String rawQuery, String name, String description) {
        String message = name.isEmpty() || description.contains(name) ? description
                : name + " in querystring: " + description;
        assertInvalid(() -> get(rawQuery), message, detail("querystring", name, description));
    }

    @Test
    void noParameterMeansNoFilterAndNewestFirst() {
        ListRequest request = get(null);
        assertEquals(List.of(), request.filters());
        assertEquals(List.of(NEWEST_FIRST), request.sorting());
        assertEquals(10000, request.limit());
        assertNull(request.fields());
        assertNull(request.token());
        assertFalse(request.includeDeleted());
        assertTrue(request.alert().isEmpty());
    }

    @Test
    void valuesAreReadAsJsonWhenTheyAreJson() {
        assertEquals(new Filter("name", Json.createValue("apple"), Operator.EQ), onlyFilter("name=apple"));
        assertEquals(new Filter("price", Json.createValue(5), Operator.EQ), onlyFilter("eq_price=5"));
        assertEquals(new Filter("ok", JsonValue.TRUE, Operator.EQ), onlyFilter("ok=true"));
        assertEquals(new Filter("x", JsonValue.NULL, Operator.EQ), onlyFilter("x=null"));
        assertEquals(new Filter("x", Json.createValue("5"), Operator.EQ), onlyFilter("x=%225%22"));
        assertEquals(new Filter("x", json("{\"a\":[1]}"), Operator.EQ), onlyFilter("x={\"a\":[1]}"));
        assertEquals(new Filter("price", Json.createValue(2.5), Operator.EQ), onlyFilter("price=2.5"));
        assertEquals(new Filter("x", Json.createValue("1e400"), Operator.EQ), onlyFilter("x=1e400"));
        assertEquals(new Filter("x", Json.createValue("Infinity"), Operator.EQ), onlyFilter("x=Infinity"));
    }

    @Test
    void everyOperatorPrefix() {
        assertEquals(new Filter("name", Json.createValue("apple"), Operator.NOT), onlyFilter("not_name=apple"));
        assertEquals(new Filter("price", Json.createValue(3), Operator.LT), onlyFilter("lt_price=3"));
        assertEquals(new Filter("price", Json.createValue(3), Operator.GT), onlyFilter("gt_price=3"));
        assertEquals(new Filter("price", Json.createValue(3), Operator.MIN), onlyFilter("min_price=3"));
        assertEquals(new Filter("price", Json.createValue(3), Operator.MAX), onlyFilter("max_price=3"));
        assertEquals(new Filter("name", json("[\"apple\",\"cherry\",\"zzz\"]"), Operator.IN),
                onlyFilter("in_name=apple,cherry,zzz"));
        assertEquals(new Filter("price", json("[1,2.5,\"x\"]"), Operator.EXCLUDE), onlyFilter("exclude_price=1,2.5,x"));
        assertEquals(new Filter("name", Json.createValue("an"), Operator.LIKE), onlyFilter("like_name=an"));
        assertEquals(new Filter("tags", json("[\"red\"]"), Operator.CONTAINS), onlyFilter("contains_tags=red"));
        assertEquals(new Filter("tags", json("[\"red\",\"blue\"]"), Operator.CONTAINS),
                onlyFilter("contains_tags=[\"red\",\"blue\"]"));
        // Kinto reads a comma list for contains_any_ as one string (golden/10_filters.json answers []).
        assertEquals(new Filter("tags", json("[\"yellow,black\"]"), Operator.CONTAINS_ANY),
                onlyFilter("contains_any_tags=yellow,black"));
        assertEquals(new Filter("tags", json("[1,2]"), Operator.CONTAINS_ANY), onlyFilter("contains_any_tags=[1,2]"));
        assertEquals(new Filter("anything", json("[1]"), Operator.CONTAINS), onlyFilter("contains_anything=1"));
    }

    @Test
    void hasTakesPythonsTruthOfTheValue() {
        assertEquals(new Filter("qty", JsonValue.TRUE, Operator.HAS), onlyFilter("has_qty=true"));
        assertEquals(new Filter("qty", JsonValue.TRUE, Operator.HAS), onlyFilter("has_qty=yes"));
        assertEquals(new Filter("qty", JsonValue.FALSE, Operator.HAS), onlyFilter("has_qty=false"));
        assertEquals(new Filter("qty", JsonValue.FALSE, Operator.HAS), onlyFilter("has_qty=0"));
    }

    @Test
    void dottedFieldsAndCombinedFiltersInQueryOrder() {
        assertEquals(new Filter("info.origin", Json.createValue("fr"), Operator.EQ), onlyFilter("info.origin=fr"));
        assertEquals(new Filter("info.w", Json.createValue(50), Operator.GT), onlyFilter("gt_info.w=50"));
        assertEquals(List.of(new Filter("ok", JsonValue.TRUE, Operator.EQ),
                        new Filter("price", Json.createValue(5), Operator.LT)),
                get("ok=true&lt_price=5&_sort=id").filters());
    }

    @Test
    void repeatedParametersAreAList() {
        assertEquals(new Filter("price", json("[\"1\",\"2\"]"), Operator.EQ), onlyFilter("price=1&price=2"));
        assertEquals(new Filter("id", json("[\"a\",\"b,c\"]"), Operator.IN), onlyFilter("in_id=a&in_id=b,c"));
    }

    @Test
    void injectionLookingNamesAreJustFieldNames() {
        // Names that are not operator-prefixed word paths are equality filters on that exact name
        // (golden/10_filters.json "filter invalid field name" answers an empty list).
        assertEquals(new Filter("foo$bar", Json.createValue(1), Operator.EQ), onlyFilter("foo%24bar=1"));
        assertEquals(new Filter("name'; DROP TABLE records;--", Json.createValue("x"), Operator.EQ),
                onlyFilter("name%27%3B%20DROP%20TABLE%20records%3B--=x"));
        assertEquals(new Filter("data->>'a'", Json.createValue(1), Operator.EQ), onlyFilter("data-%3E%3E%27a%27=1"));
        assertEquals(new Filter("gt_a b", Json.createValue(1), Operator.EQ), onlyFilter("gt_a+b=1"));
        assertEquals(new Filter("a", Json.createValue(1), Operator.EQ), onlyFilter("+a+=1"));
    }

    @Test
    void underscoreParametersAreNotFilters() {
        assertEquals(List.of(), get("_foo=1&_limit=2&_sort=a&_fields=b").filters());
    }

    @Test
    void nulCharactersAreRefused() {
        assertQueryError("name=a%00b", "name", "Invalid character 0x00");
        assertQueryError("in_name=a,b%00", "in_name", "Invalid character 0x00");
        assertQueryError("x=%7B%22a%22%3A%22%5Cu0000%22%7D", "x", "Invalid character 0x00");
        assertQueryError("a%00b=1", "a\u0000b", "Invalid character 0x00");
    }

    @Test
    void idValuesMustBeStrings() {
        assertInvalid(() -> get("id=123"), "123 is not a string: {'id': ''}",
                detail("querystring", "id", "123 is not a string: {'id': ''}"));
        assertQueryError("in_id=1,2", "in_id", "Invalid value for in_id");
        assertEquals(new Filter("id", json("[\"a\",\"b\"]"), Operator.EXCLUDE), onlyFilter("exclude_id=a,b"));
        assertEquals(new Filter("id", Json.createValue("abc"), Operator.EQ), onlyFilter("id=abc"));
    }

    @Test
    void likeNeedsAString() {
        assertQueryError("like_name=5", "like_name", "Invalid value for like_name");
    }

    @Test
    void timestampFiltersNeedIntegersAndListTombstones() {
        ListRequest since = get("_since=123");
        assertEquals(List.of(new Filter("last_modified", Json.createValue(123), Operator.GT)), since.filters());
        assertTrue(since.includeDeleted());
        // The ETag form, quoted.
        assertEquals(new Filter("last_modified", Json.createValue(123), Operator.GT), onlyFilter("_since=%22123%22"));
        assertEquals(new Filter("last_modified", Json.createValue(7), Operator.LT), onlyFilter("_before=7"));
        assertEquals(new Filter("last_modified", Json.createValue(7), Operator.EQ), onlyFilter("last_modified=7"));
        assertEquals(new Filter("last_modified", json("[1,2]"), Operator.IN), onlyFilter("in_last_modified=1,2"));
        assertTrue(get("gt_last_modified=5").includeDeleted());
        assertFalse(get("has_last=1").includeDeleted());
    }

    @Test
    void deprecatedToIsBeforeWithKintosAlert() {
        ListRequest request = get("_to=7");
        assertEquals(List.of(new Filter("last_modified", Json.createValue(7), Operator.LT)), request.filters());
        assertEquals("{\"code\":\"soft-eol\",\"message\":\"_to is now deprecated, you should use _before instead\","
                + "\"url\":\"https://kinto.readthedocs.io/en/2.4.0/api/resource.html#list-of-available-url-parameters\"}",
                request.alert().orElseThrow());
    }

    @Test
    void invalidTimestamps() {
        // golden/07_tombstones_since.json "since invalid"
        assertQueryError("_since=abc", "_since", "\"abc\" is not a number");
        assertQueryError("_since=", "_since", "Invalid value for _since");
        assertQueryError("_before=null", "_before", "Invalid value for _before");
        assertQueryError("_since=-1", "_since", "-1 is less than minimum value 0");
        assertQueryError("_to=9223372036854775809", "_to",
                "9223372036854775809 is greater than maximum value 9223372036854775808");
        assertQueryError("last_modified=abc", "last_modified", "\"abc\" is not a number");
        assertQueryError("last_modified=", "last_modified", "Invalid value for last_modified");
        assertQueryError("gt_last_modified=abc", "gt_last_modified", "Invalid value for gt_last_modified");
        assertQueryError("in_last_modified=1,a", "in_last_modified", "Invalid value for in_last_modified");
        assertQueryError("_since=1&_since=2", "_since", "\"['1', '2']\" is not a number");
    }

    @Test
    void everySchemaErrorIsListedTheMessageDescribesTheFirstByName() {
        assertInvalid(() -> get("_since=x&_limit=y&_token=5"), "_limit in querystring: \"y\" is not a number",
                detail("querystring", "_limit", "\"y\" is not a number"),
                detail("querystring", "_token", "5 is not a string: {'_token': ''}"),
                detail("querystring", "_since", "\"x\" is not a number"));
    }

    @Test
    void limit() {
        // golden/12_errors.json "invalid _limit"
        assertQueryError("_limit=abc", "_limit", "\"abc\" is not a number");
        assertQueryError("_limit=-2", "_limit", "-2 is less than minimum value 0");
        assertEquals(3, get("_limit=3").limit());
        assertEquals(2, get("_limit=2.7").limit());
        assertEquals(1, get("_limit=true").limit());
        assertEquals(3, get("_limit=%223%22").limit());
        assertEquals(10000, get("_limit=100000").limit());
        assertEquals(10000, get("_limit=0").limit());
        assertEquals(10000, get("_limit=").limit());
        assertEquals(10000, get("_limit=9223372036854775808").limit());
    }

    @Test
    void paginateByIsTheDefaultAndTheCap() {
        ListRequestParser paginated = new ListRequestParser(new ListOptions(5, 10000, null));
        assertEquals(5, paginated.forGet(QueryString.parse(null)).limit());
        assertEquals(5, paginated.forGet(QueryString.parse("_limit=50")).limit());
        assertEquals(2, paginated.forGet(QueryString.parse("_limit=2")).limit());
        // As in Kinto, an empty or zero _limit asks for as many as the storage gives.
        assertEquals(10000, paginated.forGet(QueryString.parse("_limit=0")).limit());
        assertEquals(3, new ListRequestParser(new ListOptions(5, 3, null)).forGet(QueryString.parse(null)).limit());
    }

    @Test
    void sorting() {
        assertEquals(List.of(new Sort("price", 1), NEWEST_FIRST), get("_sort=price").sorting());
        assertEquals(List.of(new Sort("ok", 1), new Sort("price", -1), NEWEST_FIRST), get("_sort=ok,-price").sorting());
        assertEquals(List.of(new Sort("info.w", 1), new Sort("id", 1), NEWEST_FIRST), get("_sort=info.w,id").sorting());
        assertEquals(List.of(new Sort("a", 1), new Sort("b", -1), NEWEST_FIRST), get("_sort=%2Ba,+-b+,,").sorting());
        assertEquals(List.of(new Sort("last_modified", 1)), get("_sort=last_modified").sorting());
        // Kinto only recognises the exact name: a descending one still gets the default key appended.
        assertEquals(List.of(NEWEST_FIRST, NEWEST_FIRST), get("_sort=-last_modified").sorting());
        // golden/12_errors.json "invalid _sort field": ignored.
        assertEquals(List.of(NEWEST_FIRST), get("_sort=a$b").sorting());
        assertEquals(List.of(NEWEST_FIRST), get("_sort=").sorting());
    }

    @Test
    void fields() {
        assertEquals(List.of("name", "price"), get("_fields=name,price").fields());
        assertEquals(List.of("info.origin"), get("_fields=info.origin").fields());
        assertNull(get("_fields=").fields());
        assertNull(parser.forDelete(QueryString.parse("_fields=a")).fields());
        assertEquals(List.of("a"), parser.fieldsForObject(QueryString.parse("_fields=a&_since=abc")));
        assertNull(parser.fieldsForObject(QueryString.parse("_since=abc")));
    }

    @Test
    void tokenIsKeptForPagination() {
        assertEquals("abc", get("_token=abc").token());
        assertNull(get("_token=").token());
        assertNull(get("_token=0").token());
        assertNull(get("_token=null").token());
        assertQueryError("_token=true", "_token", "True is not a string: {'_token': ''}");
        assertInvalid(() -> get("_token=a&_token=b"), "['a', 'b'] is not a string: {'_token': ''}",
                detail("querystring", "_token", "['a', 'b'] is not a string: {'_token': ''}"));
    }

    @Test
    void schemasWithKnownFieldsRefuseOthers() {
        ListRequestParser strict = new ListRequestParser(new ListOptions(null, 10000, Set.of("name")));
        assertEquals(3, strict.forGet(QueryString.parse("name=a&in_id=x&has_deleted=1")).filters().size());
        assertEquals(List.of(new Filter("name.first", Json.createValue(1), Operator.GT)),
                strict.forGet(QueryString.parse("gt_name.first=1")).filters());
        assertInvalid(() -> strict.forGet(QueryString.parse("gt_age=1")),
                "Unknown filter field 'gt_age'",
                detail("querystring", "gt_age", "Unknown filter field 'gt_age'"));
        assertInvalid(() -> strict.forGet(QueryString.parse("_sort=-age")), "querystring: Unknown sort field 'age'",
                detail("querystring", null, "Unknown sort field 'age'"));
        assertInvalid(() -> strict.forGet(QueryString.parse("_fields=name,age.x,zip")),
                "Invalid _fields parameter in body: Fields age,zip do not exist",
                detail("body", "Invalid _fields parameter", "Fields age,zip do not exist"));
    }

    @Test
    void sharedIdsComeFirst() {
        ListRequest request = get("name=a").withSharedIds(List.of("r1", "r2"));
        assertEquals(List.of(new Filter("id", json("[\"r1\",\"r2\"]"), Operator.IN),
                new Filter("name", Json.createValue("a"), Operator.EQ)), request.filters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"_limit=1e5", "_limit=100000.0"})
    void numericFormsOfTheLimit(String query) {
        assertEquals(10000, get(query).limit());
    }

    @Test
    void hugeValuesStayExact() {
        assertEquals(new Filter("n", Json.createValue(new BigInteger("123456789012345678901234567890")), Operator.GT),
                onlyFilter("gt_n=123456789012345678901234567890"));
    }
}

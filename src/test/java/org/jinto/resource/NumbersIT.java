package org.jinto.resource;

import jakarta.json.JsonNumber;
import org.jinto.json.JsonNumbersTest;
import org.jinto.json.JsonText;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number sent is answered as the shortest text of its value (Python's repr: floats stay floats, integers of
 * any size exact), when written, read back from storage, filtered on and sorted by, on the backend under test.
 * PostgreSQL's numeric has no negative zero: there {@code -0.0} is read back as {@code 0.0} (the answer to the
 * write itself keeps the value sent, as Kinto's).
 */
class NumbersIT extends ApiTestSupport {

    private static final Pattern N = Pattern.compile("\"n\":([-0-9][^,}\\]]*)");

    private final String records;
    /** Record id → text sent. */
    private final Map<String, String> sent = new LinkedHashMap<>();

    NumbersIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        records = "/buckets/" + b + "/collections/" + c + "/records";
        int i = 0;
        for (String number : JsonNumbersTest.CORPUS.keySet()) {
            sent.put("r" + i++, number);
        }
    }

    private static String written(String sentText) {
        return JsonNumbersTest.CORPUS.get(sentText);
    }

    private static String readBack(String sentText) {
        String python = written(sentText);
        return JintoServer.onPostgresql() && python.equals("-0.0") ? "0.0" : python;
    }

    private static List<String> numbersIn(Http.Response response) {
        assertEquals(true, response.status() < 300, response.toString());
        Matcher matcher = N.matcher(response.body());
        List<String> numbers = new ArrayList<>();
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    private static BigDecimal value(String text) {
        return ((JsonNumber) JsonText.read(text)).bigDecimalValue();
    }

    private void createAll() {
        sent.forEach((id, number) -> assertEquals(List.of(written(number)),
                numbersIn(alice.send("PUT", records + "/" + id, "{\"data\": {\"n\": " + number + "}}")), number));
    }

    @Test
    void numbersAreAnsweredAndStoredAsTheShortestTextOfTheValueSent() {
        createAll();
        sent.forEach((id, number) -> assertEquals(List.of(readBack(number)), numbersIn(alice.get(records + "/" + id)),
                number));
        Http.Response created = alice.send("POST", records, "{\"data\": {\"n\": 2.82879384806159E17, \"g\": 1e23}}");
        String id = created.object().getJsonObject("data").getString("id");
        for (Http.Response answer : List.of(created, alice.get(records + "/" + id))) {
            assertTrue(answer.body().contains("\"n\":2.82879384806159e+17"), answer.body());
            assertTrue(answer.body().contains("\"g\":1e+23"), answer.body());
        }
        Http.Response patched = alice.send("PATCH", records + "/" + id, "{\"data\": {\"g\": 123456.789e3}}");
        assertTrue(patched.body().contains("\"g\":123456789.0"), patched.body());
    }

    @Test
    void filtersCompareNumbersByValue() {
        createAll();
        for (String number : sent.values()) {
            List<String> expected = sent.entrySet().stream()
                    .filter(e -> value(e.getValue()).compareTo(value(number)) == 0).map(Map.Entry::getKey).sorted()
                    .toList();
            Http.Response found = alice.get(records + "?_sort=id&n=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
            assertEquals(expected, ids(found), number);
        }
        List<String> above = sent.entrySet().stream().filter(e -> value(e.getValue()).compareTo(BigDecimal.valueOf(1e22)) > 0)
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(above, ids(alice.get(records + "?_sort=id&gt_n=1e22")));
    }

    @Test
    void sortingOrdersNumbersByValueAcrossPages() {
        createAll();
        List<String> expected = sent.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> value(e.getValue()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
        List<String> paged = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        Http.Response page = alice.get(records + "?_sort=n,-id&_limit=5");
        while (true) {
            paged.addAll(ids(page));
            numbers.addAll(numbersIn(page));
            String next = page.header("Next-Page");
            if (next == null) {
                break;
            }
            page = alice.get(next);
        }
        assertEquals(expected, paged);
        assertEquals(expected.stream().map(id -> readBack(sent.get(id))).toList(), numbers);
    }
}

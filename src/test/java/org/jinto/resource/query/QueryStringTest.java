package org.jinto.resource.query;

import jakarta.json.Json;
import org.jinto.api.http.KintoException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryStringTest {

    @Test
    void keepsTheWrittenOrderAndRepeatedValues() {
        QueryString query = QueryString.parse("b=1&a=2&b=3");
        assertEquals(List.of("b", "a"), List.copyOf(query.names()));
        assertEquals(List.of("1", "3"), query.values("b"));
        assertEquals(Json.createArrayBuilder().add("1").add("3").build(), query.mixed("b"));
        assertEquals(Json.createValue("2"), query.mixed("a"));
        assertNull(query.mixed("c"));
    }

    @Test
    void decodesLikeWebOb() {
        QueryString query = QueryString.parse("na+me=a%20b+c;flag&empty=&x=%C3%A9&&=v&pct=100%");
        assertEquals(List.of("a b c"), query.values("na me"));
        assertEquals(List.of(""), query.values("flag"));
        assertEquals(List.of(""), query.values("empty"));
        assertEquals(List.of("é"), query.values("x"));
        assertEquals(List.of("v"), query.values(""));
        assertEquals(List.of("100%"), query.values("pct"));
        assertEquals(0, QueryString.parse(null).names().size());
        assertEquals(0, QueryString.parse("").names().size());
    }

    @Test
    void lastValuesAsKintoLogsThem() {
        assertEquals(Map.of("a", "2", "b c", "d+e", "flag", "", "pct", "%zz"),
                QueryString.parse("a=1&b%20c=d%2Be&&flag&a=2;pct=%zz").lastValues());
        assertEquals(Map.of(), QueryString.parse(null).lastValues());
    }

    @Test
    void refusesEscapesThatAreNotUtf8() {
        KintoException error = assertThrows(KintoException.class, () -> QueryString.parse("a=%ff"));
        assertEquals(400, error.status());
        assertEquals(107, error.errno().number());
        assertEquals("Bad Request", error.error());
        assertEquals("A request with an incorrect encoding in the querystring wasreceived. Please make sure your"
                + " requests are encoded in UTF-8: a=%ff", error.getMessage());
    }
}

package org.jinto.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers read as Python reads them and written as Python's repr (the answers Kinto gives). */
public class JsonNumbersTest {

    /** Text sent → text answered; the right-hand sides are Python 3's {@code repr(json.loads(text))}. */
    public static final Map<String, String> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("2.82879384806159E17", "2.82879384806159e+17");
        CORPUS.put("1e23", "1e+23");
        CORPUS.put("5e-324", "5e-324");
        CORPUS.put("2.2250738585072014e-308", "2.2250738585072014e-308");
        CORPUS.put("2.225073858507201e-308", "2.225073858507201e-308");
        CORPUS.put("9007199254740991.0", "9007199254740991.0");
        CORPUS.put("9007199254740993.0", "9007199254740992.0");
        CORPUS.put("1e308", "1e+308");
        CORPUS.put("1.7976931348623157e308", "1.7976931348623157e+308");
        CORPUS.put("-0.0", "-0.0");
        CORPUS.put("0.30000000000000004", "0.30000000000000004");
        CORPUS.put("1e-7", "1e-07");
        CORPUS.put("-1.5e-300", "-1.5e-300");
        CORPUS.put("123456.789e3", "123456789.0");
        CORPUS.put("1E2", "100.0");
        CORPUS.put("1e16", "1e+16");
        CORPUS.put("1e15", "1000000000000000.0");
        CORPUS.put("0.0001", "0.0001");
        CORPUS.put("0.000015", "1.5e-05");
        CORPUS.put("4.35", "4.35");
        CORPUS.put("9007199254740993", "9007199254740993");
        CORPUS.put("-9007199254740993", "-9007199254740993");
        CORPUS.put("123456789012345678901234567890", "123456789012345678901234567890");
        CORPUS.put("-0", "0");
    }

    @Test
    void everyNumberIsAnsweredAsTheShortestTextOfTheValueSent() {
        CORPUS.forEach((sent, answered) -> assertEquals(answered, JsonText.read(sent).toString(), sent));
        assertEquals("{\"n\":2.82879384806159e+17,\"g\":[1e+23,5e-324]}",
                JsonText.read("{\"n\": 2.82879384806159E17, \"g\": [1e23, 5e-324]}").toString());
    }

    @Test
    void floatsStayFloatsAndIntegersStayExact() {
        JsonNumber whole = (JsonNumber) JsonText.read("123456.789e3");
        assertInstanceOf(JsonFloat.class, whole);
        assertFalse(whole.isIntegral());
        assertEquals(new BigDecimal("123456789.0"), whole.bigDecimalValue());
        assertEquals(new BigDecimal("100000000000000000000000.0"), ((JsonNumber) JsonText.read("1e23")).bigDecimalValue());
        assertEquals(new BigDecimal("5E-324"), ((JsonNumber) JsonText.read("5e-324")).bigDecimalValue());
        JsonNumber huge = (JsonNumber) JsonText.read("123456789012345678901234567890");
        assertTrue(huge.isIntegral());
        assertEquals(new BigDecimal("123456789012345678901234567890"), huge.bigDecimalValue());
    }

    @Test
    void aFloatEqualsTheJsonPNumberOfItsDecimal() {
        JsonValue parsson = jakarta.json.Json.createValue(new BigDecimal("2.5"));
        assertEquals(parsson, new JsonFloat(2.5));
        assertEquals(new JsonFloat(2.5), parsson);
        assertEquals(parsson.hashCode(), new JsonFloat(2.5).hashCode());
    }

    @Test
    void pythonReprOfFloats() {
        assertEquals("2.5", JsonFloat.repr(2.5));
        assertEquals("100.0", JsonFloat.repr(100));
        assertEquals("1234567890123456.0", JsonFloat.repr(1234567890123456.0));
        assertEquals("0.30000000000000004", JsonFloat.repr(0.1 + 0.2));
        assertEquals("-0.0", JsonFloat.repr(-0.0));
        assertEquals("5e-324", JsonFloat.repr(Double.MIN_VALUE));
        assertEquals("inf", JsonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("nan", JsonFloat.repr(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new JsonFloat(Double.NaN));
    }

    @Test
    void readsContainersAndRefusesNonJson() {
        assertEquals("{\"a\":[true,false,null,\"x\\u0000\"],\"b\":{}}",
                JsonText.read("{\"a\": [true, false, null, \"x\\u0000\"], \"b\": {}}").toString());
        assertEquals("{\"a\":2}", JsonText.read("{\"a\": 1, \"a\": 2}").toString());
        assertThrows(IllegalArgumentException.class, () -> JsonText.read("[1"));
        assertThrows(IllegalArgumentException.class, () -> JsonText.read("1 2"));
        assertThrows(IllegalArgumentException.class, () -> JsonText.read(""));
    }
}

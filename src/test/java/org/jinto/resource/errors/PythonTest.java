package org.jinto.resource.errors;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void printsContainersLikePython() {
        assertEquals("[1, 2]", Python.str(json("[1,2]")));
        assertEquals("{'a': [True, False, None], 'b': 'x'}", Python.str(json("{\"a\":[true,false,null],\"b\":\"x\"}")));
        assertEquals("['a', \"it's\"]", Python.repr(json("[\"a\",\"it's\"]")));
    }

    @Test
    void strOfAStringIsTheRawText() {
        assertEquals("x", Python.str(Json.createValue("x")));
        assertEquals("'x'", Python.repr(Json.createValue("x")));
    }

    @Test
    void escapesLikeRepr() {
        assertEquals("'a\\nb\\t\\\\c\\x00\\x7f'", Python.reprString("a\nb\t\\c\u0000\u007f"));
        assertEquals("'é\\u2028'", Python.reprString("é\u2028"));
        assertEquals("'\"\\''", Python.reprString("\"'"));
    }

    @Test
    void integersAndFloatsFollowTheWrittenForm() {
        assertEquals("3", Python.str(json("3")));
        assertEquals("123456789012345678901234567890", Python.str(json("123456789012345678901234567890")));
        assertEquals("3.0", Python.str(Json.createValue(3.0)));
        assertEquals("-1", Python.str(Json.createValue(-1)));
    }

    @Test
    void truthinessIsPythons() {
        for (String falsy : new String[]{"null", "false", "0", "0.0", "\"\"", "[]", "{}"}) {
            assertFalse(Python.truthy(json(falsy)), falsy);
        }
        for (String truthy : new String[]{"true", "1", "-0.5", "\"a\"", "[0]", "{\"a\":null}"}) {
            assertTrue(Python.truthy(json(truthy)), truthy);
        }
        assertFalse(Python.truthy(null));
    }
}

package org.jinto.plugins.signer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The serializer against the expectations of Remote Settings' canonicaljson-rs test suite. */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(Json.createReader(new StringReader(json)).readValue());
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void scalars() {
        assertEquals("null", canonical("null"));
        assertEquals("true", canonical("true"));
        assertEquals("0", canonical("0"));
        assertEquals("-123", canonical("-123"));
        assertEquals("2300", canonical("2300"));
    }

    @Test
    void floatsInShortestScientificForm() {
        assertEquals("2.31E1", canonical("23.1"));
        assertEquals("1E0", canonical("1.0"));
        assertEquals("0E0", canonical("0.0"));
        assertEquals("-2.3E1", canonical("-23.0"));
        assertEquals("9.9E-4", canonical("0.00099"));
        assertEquals("1E-7", canonical("0.0000001"));
        assertEquals("9.30258908E-7", canonical("0.000000930258908"));
        assertEquals("1E21", canonical("1000000000000000000000.0"));
        assertEquals("5.6E0", canonical("5.6"));
    }

    @Test
    void stringsEscapeControlAndNonAsciiCharacters() {
        assertEquals("\" Preserve single quotes'in string\"", canonical("\" Preserve single quotes'in string\""));
        assertEquals("\" Escapes quotes \\\" \"", canonical("\" Escapes quotes \\\" \""));
        assertEquals("\"This\\\\and this\"", canonical("\"This\\\\and this\""));
        assertEquals("\"I \\u2764 testing\"", canonical("\"I ❤ testing\""));
        assertEquals("\"This is a sentence.\\n\"", canonical("\"This is a sentence.\\n\""));
        assertEquals("\"a \\t \\r \\b \\f \\u001f \\u007f\"", canonical("\"a \\t \\r \\b \\f \\u001f \\u007f\""));
        assertEquals("\"image/jpeg\"", canonical("\"image/jpeg\""));
        assertEquals("\"\\ud834\\udd1e\"", canonical("\"𝄞\""));
        assertEquals("\"\\ud800\\udc00 \\udbff\\udfff\"", canonical("\"\\ud800\\udc00 \\udbff\\udfff\""));
        assertEquals("[{\"key\":\"\\u0119\"}]", canonical("[{\"key\": \"ę\"}]"));
    }

    @Test
    void objectKeysSortedByCodePointAtEveryDepth() {
        assertEquals("{\"a\":{\"a\":\"a\",\"b\":\"b\",\"c\":{\"a\":\"a\",\"c\":[\"b\",\"a\",\"c\"],\"g\":{\"1\":1,\"2\":2}}},"
                        + "\"id\":\"1\"}",
                canonical("{\"id\": \"1\", \"a\": {\"c\": {\"g\": {\"2\": 2, \"1\": 1}, \"c\": [\"b\", \"a\", \"c\"],"
                        + " \"a\": \"a\"}, \"b\": \"b\", \"a\": \"a\"}}"));
        assertEquals("{\"\\u00e9\":\"check\"}", canonical("{\"é\": \"check\"}"));
        // U+FB01 sorts before U+1D11E by code point, after it by UTF-16 unit.
        assertEquals("{\"\\ufb01\":1,\"\\ud834\\udd1e\":2}", canonical("{\"𝄞\": 2, \"ﬁ\": 1}"));
    }

    @Test
    void collectionPayloadKeepsLiveRecordsSortedById() {
        List<JsonObject> records = List.of(object("{\"id\": \"b\", \"last_modified\": 2, \"x\": 1}"),
                object("{\"id\": \"gone\", \"last_modified\": 3, \"deleted\": true}"),
                object("{\"id\": \"a\", \"last_modified\": 1}"));
        assertEquals("{\"data\":[{\"id\":\"a\",\"last_modified\":1},{\"id\":\"b\",\"last_modified\":2,\"x\":1}],"
                + "\"last_modified\":\"1234\"}", CanonicalJson.ofCollection(records, 1234));
        assertEquals("{\"data\":[],\"last_modified\":\"5\"}", CanonicalJson.ofCollection(List.of(), 5));
        assertEquals("[]", CanonicalJson.write(JsonValue.EMPTY_JSON_ARRAY));
    }
}

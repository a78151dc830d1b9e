package org.jinto.resource.body;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.http.KintoException;
import org.jinto.json.JsonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodyReaderTest {

    private final JsonBodyReader reader = new JsonBodyReader(1000, 32);

    private JsonValue read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void assertInvalidJson(byte[] body, String contentType, String reason) {
        assertInvalid(() -> reader.read(body, contentType), "Invalid JSON: " + reason,
                detail("body", "", "Invalid JSON: " + reason), detail("body", "", "Required"));
    }

    private void assertInvalidJson(String body, String reason) {
        assertInvalidJson(body.getBytes(StandardCharsets.UTF_8), "application/json", reason);
    }

    @Test
    void readsAnObject() {
        assertEquals(Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("a", 1)).build(),
                read(" {\"data\": {\"a\": 1}}\n"));
    }

    @Test
    void emptyBodyIsAnEmptyObjectAsCorniceReadsIt() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, reader.read(new byte[0], null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "1", "null", "true", " 2.5 "})
    void jsonNeitherObjectNorArrayIsDroppedAsCorniceDoes(String body) {
        assertInvalid(() -> reader.readRequestBody(body.getBytes(StandardCharsets.UTF_8), "application/json"),
                "Should be a JSON object or an array",
                detail("body", "", "Should be a JSON object or an array"), detail("body", "", "Required"));
    }

    @Test
    void anArrayIsReadForTheSchemaToRefuse() {
        assertEquals(Json.createArrayBuilder().add(1).build(),
                reader.readRequestBody("[1]".getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    @Test
    void malformedJsonIsKintosErrorWithBothDetails() {
        // Recorded from Kinto: golden/12_errors.json "bad json".
        assertInvalidJson("{not json", "Parse error at offset 1: Missing a name for object member.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`   `|Parse error at offset 3: The document is empty.",
            "{} x|Parse error at offset 3: The document root must not be followed by other values.",
            "{\"a\" 1}|Parse error at offset 5: Missing a colon after a name of object member.",
            "{\"a\":1 \"b\":2}|Parse error at offset 7: Missing a comma or '}' after an object member.",
            "{\"a\":1,}|Parse error at offset 7: Missing a name for object member.",
            "[1 2]|Parse error at offset 3: Missing a comma or ']' after an array element.",
            "[1,]|Parse error at offset 3: Invalid value.",
            "nul|Parse error at offset 3: Invalid value.",
            "trux|Parse error at offset 3: Invalid value.",
            "\"abc|Parse error at offset 4: Missing a closing quotation mark in string.",
            "\"a\\xb\"|Parse error at offset 2: Invalid escape character in string.",
            "\"\\u12g4\"|Parse error at offset 1: Incorrect hex digit after \\u escape in string.",
            "\"\\ud800\"|Parse error at offset 1: The surrogate pair in string is invalid.",
            "\"\\udc00\"|Parse error at offset 1: The surrogate pair in string is invalid.",
            "\"\\ud800\\u0041\"|Parse error at offset 1: The surrogate pair in string is invalid.",
            "1.|Parse error at offset 2: Miss fraction part in number.",
            "1e+|Parse error at offset 3: Miss exponent in number.",
            "-|Parse error at offset 1: Invalid value.",
            "01|Parse error at offset 1: The document root must not be followed by other values.",
            "[1e400]|Parse error at offset 1: Number too big to be stored in double.",
            "NaN|Parse error at offset 0: Invalid value.",
            "-Infinity|Parse error at offset 1: Invalid value.",
            "{'a': 1}|Parse error at offset 1: Missing a name for object member.",
    })
    void syntaxErrorsGetRapidjsonMessagesAndOffsets(String body, String reason) {
        assertInvalidJson(body, reason);
    }

    @Test
    void controlCharactersInStringsAreRefusedAsRapidjsonDoes() {
        assertInvalidJson("{\"a\":\"x\ty\"}", "Parse error at offset 7: Invalid encoding in string.");
        assertInvalidJson("{\"a\":\"x\u0000y\"}", "Parse error at offset 7: Missing a closing quotation mark in string.");
    }

    @Test
    void escapedControlCharactersAndNulAreValid() {
        assertEquals("a\u0000b\tc", read("{\"s\":\"a\\u0000b\\tc\"}").asJsonObject().getString("s"));
        assertEquals("\uD83D\uDE00", read("{\"s\":\"\\ud83d\\ude00\"}").asJsonObject().getString("s"));
    }

    @Test
    void aNulCharacterEndsTheDocumentLikeACString() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, read("{}\u0000 trailing garbage"));
        assertInvalidJson("[1,\u0000]", "Parse error at offset 3: Invalid value.");
    }

    @Test
    void offsetsCountUtf8Bytes() {
        assertInvalidJson("{\"é\": x}", "Parse error at offset 7: Invalid value.");
    }

    @Test
    void deepNestingIsABadRequestNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonBodyReader big = new JsonBodyReader(1_000_000, JsonBodyReader.DEFAULT_MAX_DEPTH);
        KintoException error = assertThrows(KintoException.class,
                () -> big.read(deep.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains("Nesting deeper than 256 levels"), error.getMessage());
        String allowed = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        assertEquals(JsonValue.ValueType.OBJECT,
                big.read(allowed.getBytes(StandardCharsets.UTF_8), "application/json").getValueType());
    }

    @Test
    void integersStayExactAndDecimalsBecomeDoubles() {
        JsonObject numbers = read("{\"i\": 123456789012345678901234567890, \"f\": 2.5, \"e\": 1e2, \"z\": 1e-400,"
                + " \"l\": [1.0, {\"x\": 0.1}]}").asJsonObject();
        assertEquals(new BigInteger("123456789012345678901234567890"), numbers.getJsonNumber("i").bigIntegerValue());
        assertTrue(numbers.getJsonNumber("i").isIntegral());
        assertEquals(2.5, numbers.getJsonNumber("f").doubleValue());
        assertFalse(numbers.getJsonNumber("e").isIntegral());
        assertEquals(100.0, numbers.getJsonNumber("e").doubleValue());
        assertEquals(0.0, numbers.getJsonNumber("z").doubleValue());
        assertEquals(0.1, ((JsonNumber) numbers.getJsonArray("l").getJsonObject(1).get("x")).doubleValue());
    }

    /** One pass builds the value the general reader of stored JSON ({@link JsonText}) builds from the same text. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"b\": [true, false, null], \"a\": {\"c\": \"d\"}}",
            "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 \\u0000\", \"plain é 😀\", \"\"]",
            "[0, -0, 2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808, -1234567890123456789]",
            "[0.0, -0.0, 1e23, 5e-324, 123456.789e3, 2.82879384806159E17, 1E+2, 0.1]",
            "{\"\": {}, \"x\": []}"})
    void buildsTheSameValueAsTheStoredJsonReader(String json) {
        JsonValue read = read(json);
        JsonValue stored = JsonText.read(json);
        assertEquals(stored, read);
        assertEquals(stored.toString(), read.toString());
    }

    @Test
    void hugeIntegersHitPythonsDigitLimit() {
        String digits = "9".repeat(4301);
        JsonBodyReader big = new JsonBodyReader(100_000, 8);
        assertInvalid(() -> big.read(("[" + digits + "]").getBytes(StandardCharsets.UTF_8), null),
                "Invalid JSON: Python parse error at offset 4302: Exceeds the limit (4300 digits) for integer string"
                        + " conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
                detail("body", "", "Invalid JSON: Python parse error at offset 4302: Exceeds the limit (4300 digits)"
                        + " for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to"
                        + " increase the limit"),
                detail("body", "", "Required"));
        assertEquals(4300, big.read(("-" + "9".repeat(4300)).getBytes(StandardCharsets.UTF_8), null)
                .toString().length() - 1);
    }

    @Test
    void overlongDecimalsAreRefusedBeforeReachingTheJsonReader() {
        JsonBodyReader big = new JsonBodyReader(100_000, 8);
        String longDecimal = "0." + "1".repeat(4400);
        assertInvalid(() -> big.read(longDecimal.getBytes(StandardCharsets.UTF_8), null),
                "Invalid JSON: Parse error at offset 0: Number too big to be stored in double.",
                detail("body", "", "Invalid JSON: Parse error at offset 0: Number too big to be stored in double."),
                detail("body", "", "Required"));
        assertEquals(0.1111111111111111, ((JsonNumber) big.read(("0." + "1".repeat(2000))
                .getBytes(StandardCharsets.UTF_8), null)).doubleValue());
    }

    @Test
    void invalidUtf8GetsPythonsDecodeErrors() {
        assertInvalidJson(new byte[]{'{', (byte) 0xff, '}'}, null,
                "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
        assertInvalidJson(new byte[]{'"', (byte) 0xc3, '(', '"'}, "application/json; charset=utf-8",
                "'utf-8' codec can't decode byte 0xc3 in position 1: invalid continuation byte");
        assertInvalidJson(new byte[]{'"', (byte) 0xe2, (byte) 0x82}, null,
                "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
        assertInvalidJson(new byte[]{'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, null,
                "'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte");
        assertInvalidJson(new byte[]{'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, 'x', '"'}, null,
                "'utf-8' codec can't decode bytes in position 1-3: invalid continuation byte");
    }

    @Test
    void decodesTheDeclaredCharset() {
        byte[] latin = {'{', '"', 'n', '"', ':', '"', (byte) 0xe9, '"', '}'};
        assertEquals("é", reader.read(latin, "application/json; charset=ISO-8859-1").asJsonObject().getString("n"));
        assertInvalidJson(latin, "application/json; charset=\"ascii\"",
                "'ascii' codec can't decode byte 0xe9 in position 6: ordinal not in range(128)");
        assertInvalidJson("{}".getBytes(StandardCharsets.UTF_8), "application/json; charset=klingon",
                "unknown encoding: klingon");
    }

    @Test
    void oversizedBodiesAre413Errno113() {
        byte[] body = ("{\"a\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
        KintoException error = assertThrows(KintoException.class, () -> reader.read(body, null));
        assertEquals(413, error.status());
        assertEquals(113, error.errno().number());
        KintoException streamed = assertThrows(KintoException.class,
                () -> reader.read(new ByteArrayInputStream(body), null));
        assertEquals(413, streamed.status());
        assertEquals(Json.createObjectBuilder().add("a", 1).build(),
                reader.read(new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), null));
    }
}

package org.jinto.deploy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonSubsetTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static String mismatch(String expected, String actual) {
        return JsonSubset.mismatch(json(expected), json(actual), "$");
    }

    @Test
    void extraMembersOfTheAnswerAreAllowed() {
        assertNull(mismatch("{\"data\":{\"id\":\"r1\"}}", "{\"data\":{\"id\":\"r1\",\"last_modified\":1}}"));
    }

    @Test
    void aDifferentValueIsLocated() {
        assertEquals("$.data.n: expected 2, got 3", mismatch("{\"data\":{\"n\":2}}", "{\"data\":{\"n\":3}}"));
    }

    @Test
    void aMissingMemberIsReported() {
        assertEquals("$.user: missing", mismatch("{\"user\":{}}", "{\"data\":[]}"));
    }

    @Test
    void arraysMustHaveTheSameLengthAndMatchInOrder() {
        assertNull(mismatch("[{\"n\":3},{\"n\":1}]", "[{\"n\":3,\"id\":\"a\"},{\"n\":1,\"id\":\"b\"}]"));
        assertEquals("$[0].n: expected 1, got 3", mismatch("[{\"n\":1},{\"n\":3}]", "[{\"n\":3},{\"n\":1}]"));
        assertEquals("$: expected 1 elements, got [{\"n\":3},{\"n\":1}]", mismatch("[{\"n\":3}]", "[{\"n\":3},{\"n\":1}]"));
    }
}

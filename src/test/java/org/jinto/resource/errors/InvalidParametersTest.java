package org.jinto.resource.errors;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InvalidParametersTest {

    @Test
    void messagePrefixesTheNameAndLocation() {
        assertEquals("_limit in querystring: \"abc\" is not a number",
                InvalidParameters.message(List.of(ErrorDetail.of("querystring", "_limit", "\"abc\" is not a number"))));
    }

    @Test
    void messageIsTheDescriptionWhenItAlreadyNamesTheField() {
        assertEquals("'title' is a required property",
                InvalidParameters.message(List.of(ErrorDetail.of("body", "title", "'title' is a required property"))));
        // An empty name is "in" every description: Kinto then shows the description alone.
        assertEquals("Invalid JSON: x", InvalidParameters.message(List.of(ErrorDetail.of("body", "", "Invalid JSON: x"))));
    }

    @Test
    void messageWithoutNameShowsTheLocation() {
        assertEquals("querystring: _token has invalid content",
                InvalidParameters.message(List.of(ErrorDetail.of("querystring", null, "_token has invalid content"))));
    }

    @Test
    void messageDescribesTheErrorWithTheSmallestName() {
        List<ErrorDetail> details = List.of(
                ErrorDetail.of("querystring", "_since", "\"x\" is not a number"),
                ErrorDetail.of("querystring", "_limit", "\"y\" is not a number"));
        assertEquals("_limit in querystring: \"y\" is not a number", InvalidParameters.message(details));
        // A null name sorts as Python's "None".
        assertEquals("querystring: z", InvalidParameters.message(List.of(
                ErrorDetail.of("querystring", "zeta", "a"), ErrorDetail.of("querystring", null, "z"))));
    }

    @Test
    void numericNamesArePrintedAsNumbers() {
        ErrorDetail detail = new ErrorDetail("body", Json.createValue(0), "5 is not of type 'string'");
        assertEquals("0 in body: 5 is not of type 'string'", InvalidParameters.message(List.of(detail)));
        assertEquals(Json.createValue(0), detail.toJson().get("name"));
    }

    @Test
    void keepsDetailsInTheOrderFound() {
        var error = InvalidParameters.of(List.of(ErrorDetail.of("body", "b", "x"), ErrorDetail.of("body", "a", "y")));
        assertEquals("b", error.details().asJsonArray().getJsonObject(0).getString("name"));
        assertEquals(400, error.status());
    }

    @Test
    void refusesAnErrorWithoutDetail() {
        assertThrows(IllegalArgumentException.class, () -> InvalidParameters.of(List.of()));
    }
}

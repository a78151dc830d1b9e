package org.jinto.http.batch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.http.KintoException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchPayloadTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static KintoException refused(String body) {
        return assertThrows(KintoException.class, () -> BatchPayload.parse(json(body)));
    }

    @Test
    void defaultsAreMergedRecursivelyWithoutOverwriting() {
        List<Subrequest> requests = BatchPayload.parse(json("""
                {"defaults": {"method": "PUT", "body": {"data": {"common": true}}, "headers": {"X-A": "1"}},
                 "requests": [{"path": "/buckets/b1/collections/c1/records/d1"},
                              {"path": "/buckets/b1/collections/c1/records/d2", "method": "PATCH",
                               "body": {"data": {"own": 1}}}]}"""));
        assertEquals("PUT", requests.get(0).method());
        assertEquals("{\"data\":{\"common\":true}}", requests.get(0).body().toString());
        assertEquals(Map.of("X-A", "1"), requests.get(0).headers());
        assertEquals("PATCH", requests.get(1).method());
        JsonObject data = requests.get(1).body().getJsonObject("data");
        assertEquals(1, data.getInt("own"));
        assertEquals(true, data.getBoolean("common"));
    }

    @Test
    void methodDefaultsToGetAndBodyAndHeadersAreOptional() {
        Subrequest request = BatchPayload.parse(json("{\"requests\": [{\"path\": \"/\", \"method\": \"\"}]}")).get(0);
        assertEquals("GET", request.method());
        assertNull(request.body());
        assertNull(request.headers());
    }

    @Test
    void unknownTopLevelKeysAreReportedAlone() {
        KintoException error = refused("{\"foo\": 1}");
        assertEquals("Unrecognized keys in mapping: \"{'foo': 1}\"", error.getMessage());
        assertEquals("[{\"location\":\"body\",\"name\":\"\",\"description\":\"Unrecognized keys in mapping: \\\"{'foo': 1}\\\"\"}]",
                error.details().toString());
    }

    @Test
    void missingRequestsIsRequired() {
        assertEquals("requests in body: Required", refused("{}").getMessage());
        assertEquals("\"3\" is not iterable", refused("{\"requests\": 3}").details().asJsonArray()
                .getJsonObject(0).getString("description"));
    }

    @Test
    void eachRequestIsCheckedAsColanderDoes() {
        KintoException error = refused("""
                {"requests": [{"path": "/ok"},
                              {"method": "FOO", "path": "relative"},
                              {"method": 3, "path": "/x", "headers": {"A": 1}, "body": [1]},
                              {"method": "GET"},
                              {"path": "/x", "bar": true},
                              "nope"]}""");
        List<String> details = error.details().asJsonArray().stream()
                .map(d -> d.asJsonObject().getString("name") + " | " + d.asJsonObject().getString("description"))
                .toList();
        assertEquals(List.of(
                "requests.1.method | \"FOO\" is not one of GET, HEAD, DELETE, TRACE, POST, PUT, PATCH",
                "requests.1.path | String does not match expected pattern",
                "requests.2.method | 3 is not a string: {'method': ''}",
                "requests.2.headers | {'A': 1} contains non string value",
                "requests.2.body | \"[1]\" is not a mapping type: Does not implement dict-like functionality.",
                "requests.3.path | Required",
                "requests.4 | Unrecognized keys in mapping: \"{'bar': True}\"",
                "requests.5 | \"nope\" is not a mapping type: Does not implement dict-like functionality."), details);
        assertEquals(400, error.status());
    }

    @Test
    void defaultsAreCheckedButNeedNoPath() {
        assertEquals(1, BatchPayload.parse(json("{\"defaults\": {\"method\": \"GET\"}, \"requests\": [{\"path\": \"/\"}]}")).size());
        assertEquals("defaults.method", refused("{\"defaults\": {\"method\": \"get\"}, \"requests\": []}")
                .details().asJsonArray().getJsonObject(0).getString("name"));
    }

    @Test
    void bodyMustBeAnObject() {
        assertEquals("\"[1, 2]\" is not a mapping type: Does not implement dict-like functionality.",
                refused("[1, 2]").getMessage());
    }
}

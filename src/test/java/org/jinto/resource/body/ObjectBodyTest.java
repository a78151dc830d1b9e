package org.jinto.resource.body;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObjectBodyTest {

    private static final List<String> RECORD_PERMISSIONS = List.of("read", "write");

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static ObjectBody body(String text) {
        return ObjectBody.of(json(text), RECORD_PERMISSIONS);
    }

    @Test
    void readsDataAndPermissions() {
        ObjectBody body = body("{\"data\": {\"a\": 1}, \"permissions\": {\"write\": [\"account:bob\"], \"read\": null}}");
        assertEquals(json("{\"a\": 1}"), body.data());
        assertEquals(List.of("account:bob"), body.permissions().get("write"));
        assertEquals(Arrays.asList("write", "read"), List.copyOf(body.permissions().keySet()));
        assertNull(body.permissions().get("read"));
    }

    @Test
    void bothPartsAreOptional() {
        ObjectBody body = body("{}");
        assertNull(body.data());
        assertNull(body.permissions());
    }

    @Test
    void nonObjectBody() {
        // golden/12_errors.json "json not object"
        String description = "\"[1, 2]\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> body("[1,2]"), description, detail("body", "", description));
    }

    @Test
    void dataNotAnObject() {
        // golden/12_errors.json "data not object"
        String description = "\"x\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> body("{\"data\": \"x\"}"), "data in body: " + description, detail("body", "data", description));
        String none = "\"None\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> body("{\"data\": null}"), "data in body: " + none, detail("body", "data", none));
    }

    @Test
    void unknownPermission() {
        // golden/12_errors.json "invalid permission name"
        assertInvalid(() -> body("{\"data\": {}, \"permissions\": {\"fly\": [\"account:bob\"]}}"),
                "permissions in body: \"fly\" is not one of read, write",
                detail("body", "permissions", "\"fly\" is not one of read, write"));
    }

    @Test
    void permissionsNotAList() {
        // golden/12_errors.json "permissions not list"
        assertInvalid(() -> body("{\"data\": {}, \"permissions\": {\"read\": \"account:bob\"}}"),
                "permissions.read in body: \"account:bob\" is not iterable",
                detail("body", "permissions.read", "\"account:bob\" is not iterable"));
    }

    @Test
    void permissionsNotAMapping() {
        String description = "\"['a']\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> body("{\"permissions\": [\"a\"]}"), "permissions in body: " + description,
                detail("body", "permissions", description));
    }

    @Test
    void principalsMustBeNonEmptyStrings() {
        assertInvalid(() -> body("{\"permissions\": {\"write\": [1, \"\"], \"read\": [null]}}"),
                "permissions.read.0 in body: Required",
                detail("body", "permissions.read.0", "Required"),
                detail("body", "permissions.write.0", "1 is not a string: {'': ''}"),
                detail("body", "permissions.write.1", "Required"));
    }

    @Test
    void everyProblemIsReportedDataFirst() {
        String description = "\"1\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> body("{\"permissions\": {\"read\": 2}, \"data\": 1}"),
                "data in body: " + description,
                detail("body", "data", description),
                detail("body", "permissions.read", "\"2\" is not iterable"));
    }

    @Test
    void unknownTopLevelKeys() {
        assertInvalid(() -> body("{\"data\": 1, \"foo\": 1, \"bar\": [true]}"),
                "Unrecognized keys in mapping: \"{'foo': 1, 'bar': [True]}\"",
                detail("body", "", "Unrecognized keys in mapping: \"{'foo': 1, 'bar': [True]}\""));
    }

    @Test
    void patchNeedsDataOrPermissions() {
        assertInvalid(() -> body("{}").requireDataOrPermissions(),
                "Provide at least one of data or permissions",
                detail("body", "data", "Provide at least one of data or permissions"));
        assertEquals(json("{}"), body("{\"data\": {}}").requireDataOrPermissions().data());
    }
}

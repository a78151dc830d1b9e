package org.jinto.resource.patch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.resource.body.ObjectBody;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObjectPatcherTest {

    private static final List<String> NAMES = List.of("read", "write");
    private static final Map<String, Set<String>> ALICE_WRITES = Map.of("write", Set.of("account:alice"));
    // As golden/05_patch_variants.json "seed record".
    private static final JsonObject RECORD = json("{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"list\": [1, 2],"
            + " \"id\": \"r1\", \"last_modified\": 10}").asJsonObject();

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static Patched merge(String body, PatchFormat format) {
        return ObjectPatcher.merge(RECORD, ObjectBody.of(json(body), NAMES), format, ALICE_WRITES, NAMES);
    }

    private static Patched jsonPatch(String operations) {
        return ObjectPatcher.jsonPatch(RECORD, ALICE_WRITES, json(operations), NAMES);
    }

    private static void assertPatchFails(String operations, String reason) {
        assertInvalid(() -> jsonPatch(operations), "body: JSON Patch operation failed: " + reason,
                detail("body", null, "JSON Patch operation failed: " + reason));
    }

    @Test
    void formatFollowsTheContentType() {
        assertEquals(PatchFormat.MERGE, PatchFormat.of("application/json"));
        assertEquals(PatchFormat.MERGE, PatchFormat.of(null));
        assertEquals(PatchFormat.MERGE_PATCH, PatchFormat.of("Application/Merge-Patch+JSON; charset=utf-8"));
        assertEquals(PatchFormat.JSON_PATCH, PatchFormat.of("application/json-patch+json"));
    }

    @Test
    void defaultPatchReplacesTopLevelFieldsAndKeepsNulls() {
        // golden/05_patch_variants.json "default patch keeps null"
        Patched patched = merge("{\"data\": {\"z\": null, \"b\": {\"e\": 4}}}", PatchFormat.MERGE);
        assertEquals(json("{\"a\": 1, \"b\": {\"e\": 4}, \"list\": [1, 2], \"id\": \"r1\", \"last_modified\": 10,"
                + " \"z\": null}"), patched.data());
        assertEquals(json("{\"z\": null, \"b\": {\"e\": 4}}"), patched.changes());
        assertNull(patched.permissions());
    }

    @Test
    void mergePatchMergesNestedObjectsAndNullRemoves() {
        // golden/05_patch_variants.json "merge-patch removes with null"
        Patched patched = merge("{\"data\": {\"a\": null, \"b\": {\"c\": null, \"e\": 4}}}", PatchFormat.MERGE_PATCH);
        assertEquals(json("{\"b\": {\"d\": 3, \"e\": 4}, \"list\": [1, 2], \"id\": \"r1\", \"last_modified\": 10}"),
                patched.data());
        assertEquals(json("{\"a\": null, \"b\": {\"c\": null, \"e\": 4}}"), patched.changes());
        // Kinto completes the permissions so that the merged set replaces them all.
        assertEquals(Map.of("write", List.of("account:alice"), "read", List.of()), patched.permissions());
    }

    @Test
    void mergePatchPermissionsReplaceOrRemove() {
        Patched patched = merge("{\"permissions\": {\"read\": [\"system.Everyone\"], \"write\": null}}",
                PatchFormat.MERGE_PATCH);
        assertEquals(Map.of("read", List.of("system.Everyone"), "write", List.of()), patched.permissions());
        assertEquals(RECORD, patched.data());
        assertNull(ObjectPatcher.merge(RECORD, ObjectBody.of(json("{\"data\": {}}"), NAMES), PatchFormat.MERGE_PATCH,
                Map.of(), NAMES).permissions());
    }

    @Test
    void jsonPatchOnData() {
        // golden/05_patch_variants.json "json-patch add replace remove"
        Patched patched = jsonPatch("[{\"op\": \"add\", \"path\": \"/data/new\", \"value\": \"v\"},"
                + " {\"op\": \"replace\", \"path\": \"/data/list\", \"value\": [3]},"
                + " {\"op\": \"remove\", \"path\": \"/data/a\"},"
                + " {\"op\": \"move\", \"from\": \"/data/b/c\", \"path\": \"/data/c\"},"
                + " {\"op\": \"copy\", \"from\": \"/data/list\", \"path\": \"/data/list2\"},"
                + " {\"op\": \"add\", \"path\": \"/data/list2/-\", \"value\": 4},"
                + " {\"op\": \"test\", \"path\": \"/data/c\", \"value\": 2.0}]");
        assertEquals(json("{\"b\": {\"d\": 3}, \"list\": [3], \"id\": \"r1\", \"last_modified\": 10, \"new\": \"v\","
                + " \"c\": 2, \"list2\": [3, 4]}"), patched.data());
        assertEquals(patched.data(), patched.changes());
        assertEquals(Map.of("read", List.of(), "write", List.of("account:alice")), patched.permissions());
    }

    @Test
    void jsonPatchOnPermissionsTakesThePrincipalFromThePath() {
        // golden/05_patch_variants.json "json-patch add permission" / "json-patch remove permission"
        Patched granted = jsonPatch("[{\"op\": \"add\", \"path\": \"/permissions/read/account:bob\"}]");
        assertEquals(Map.of("read", List.of("account:bob"), "write", List.of("account:alice")), granted.permissions());
        assertEquals(RECORD, granted.data());
        Patched revoked = jsonPatch("[{\"op\": \"remove\", \"path\": \"/permissions/write/account:alice\"}]");
        assertEquals(Map.of("read", List.of(), "write", List.of()), revoked.permissions());
        Patched replaced = jsonPatch("[{\"op\": \"add\", \"path\": \"/permissions/read\", \"value\": [\"x\", \"y\"]}]");
        assertEquals(List.of("x", "y"), replaced.permissions().get("read"));
    }

    @Test
    void failingOperationsGivePythonJsonpatchMessages() {
        // golden/05_patch_variants.json "json-patch test fails" and "json-patch on missing path"
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/new\", \"value\": \"v\"},"
                        + " {\"op\": \"test\", \"path\": \"/data/new\", \"value\": \"w\"}]",
                "v (<class 'str'>) is not equal to tested value w (<class 'str'>)");
        assertPatchFails("[{\"op\": \"remove\", \"path\": \"/data/absent\"}]",
                "can't remove a non-existent object 'absent'");
        assertPatchFails("[{\"op\": \"test\", \"path\": \"/data/a\", \"value\": [1]}]",
                "1 (<class 'int'>) is not equal to tested value [1] (<class 'list'>)");
        assertPatchFails("[{\"op\": \"replace\", \"path\": \"/data/zz\", \"value\": 1}]",
                "can't replace a non-existent object 'zz'");
        assertPatchFails("[{\"op\": \"replace\", \"path\": \"/data/list/2\", \"value\": 1}]",
                "can't replace outside of list");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/list/3\", \"value\": 1}]", "can't insert outside of list");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/list/x\", \"value\": 1}]",
                "'x' is not a valid sequence index");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/x/y\", \"value\": 1}]",
                "member 'x' not found in {'a': 1, 'b': {'c': 2, 'd': 3}, 'list': [1, 2], 'id': 'r1', 'last_modified': 10}");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/a/y\", \"value\": 1}]",
                "Document '<class 'int'>' does not support indexing, must be mapping/sequence or support __getitem__");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/q\"}]", "The operation does not contain a 'value' member");
        assertPatchFails("[{\"op\": \"move\", \"path\": \"/data/q\"}]", "The operation does not contain a 'from' member");
        assertPatchFails("[{\"op\": \"copy\", \"from\": \"/data/nope\", \"path\": \"/data/q\"}]", "'nope'");
        assertPatchFails("[{\"op\": \"move\", \"from\": \"/data/b\", \"path\": \"/data/b/x\"}]",
                "Cannot move values into their own children");
        assertPatchFails("[{\"op\": \"remove\", \"path\": \"/data/list/5\"}]", "can't remove a non-existent object '5'");
        assertPatchFails("[{\"op\": \"test\", \"path\": \"/data/list/5\", \"value\": 1}]", "index '5' is out of bounds");
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/a~2\", \"value\": 1}]", "Found stray ~");
        assertPatchFails("[{\"op\": \"replace\", \"path\": \"/data/list/-\", \"value\": 1}]",
                "'path' with '-' can't be applied to 'replace' operation");
    }

    @Test
    void aFailedPatchChangesNothing() {
        assertPatchFails("[{\"op\": \"add\", \"path\": \"/data/new\", \"value\": 1},"
                + " {\"op\": \"remove\", \"path\": \"/data/nope\"}]", "can't remove a non-existent object 'nope'");
        assertEquals(json("{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"list\": [1, 2], \"id\": \"r1\","
                + " \"last_modified\": 10}"), RECORD);
    }

    @Test
    void pythonEqualityDecidesTests() {
        assertEquals(1, jsonPatch("[{\"op\": \"test\", \"path\": \"/data/a\", \"value\": true}]").data().getInt("a"));
        assertEquals(1, jsonPatch("[{\"op\": \"test\", \"path\": \"/data/b\", \"value\": {\"d\": 3.0, \"c\": 2}}]")
                .data().getInt("a"));
    }

    @Test
    void operationsAreCheckedAsKintosSchema() {
        // golden/05_patch_variants.json "json-patch invalid op"
        assertInvalid(() -> jsonPatch("[{\"op\": \"jump\", \"path\": \"/data/a\"}]"),
                "0.op in body: \"jump\" is not one of test, add, remove, replace, move, copy",
                detail("body", "0.op", "\"jump\" is not one of test, add, remove, replace, move, copy"));
        assertInvalid(() -> jsonPatch("[{\"path\": \"data\"}, 5, {\"op\": \"add\", \"path\": \"/a\", \"x\": 1},"
                        + " {\"op\": 1, \"path\": \"/a\", \"from\": \"b\"}]"),
                "0.op in body: Required",
                detail("body", "0.op", "Required"),
                detail("body", "0.path", "String does not match expected pattern"),
                detail("body", "1", "\"5\" is not a mapping type: Does not implement dict-like functionality."),
                detail("body", "2", "Unrecognized keys in mapping: \"{'x': 1}\""),
                detail("body", "3.op", "1 is not a string: {'op': ''}"),
                detail("body", "3.from", "String does not match expected pattern"));
        assertInvalid(() -> jsonPatch("{\"op\": \"add\"}"), "\"{'op': 'add'}\" is not iterable",
                detail("body", "", "\"{'op': 'add'}\" is not iterable"));
    }

    @Test
    void patchedPermissionsAreCheckedAsABody() {
        assertInvalid(() -> jsonPatch("[{\"op\": \"add\", \"path\": \"/permissions/fly\", \"value\": []}]"),
                "permissions in body: \"fly\" is not one of read, write",
                detail("body", "permissions", "\"fly\" is not one of read, write"));
        assertInvalid(() -> jsonPatch("[{\"op\": \"replace\", \"path\": \"/data\", \"value\": 1}]"),
                "data in body: \"1\" is not a mapping type: Does not implement dict-like functionality.",
                detail("body", "data", "\"1\" is not a mapping type: Does not implement dict-like functionality."));
    }
}

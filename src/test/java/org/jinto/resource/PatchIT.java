package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The three PATCH flavours through the engine, including permission changes. */
class PatchIT extends ApiTestSupport {

    private final String record;

    PatchIT() {
        String b = unique("b");
        String c = unique("c");
        bucketAndCollection(alice, b, c);
        record = "/buckets/" + b + "/collections/" + c + "/records/r1";
        alice.send("PUT", record, "{\"data\": {\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"list\": [1, 2]}}");
    }

    @Test
    void mergePatchMergesNestedObjectsAndRemovesNulls() {
        Http.Response patched = alice.with("Content-Type", "application/merge-patch+json")
                .send("PATCH", record, "{\"data\": {\"a\": null, \"b\": {\"c\": null, \"e\": 4}}}");
        assertEquals(200, patched.status(), patched.body());
        JsonObject data = alice.get(record).object().getJsonObject("data");
        assertFalse(data.containsKey("a"));
        assertEquals("{\"d\":3,\"e\":4}", data.getJsonObject("b").toString());
    }

    @Test
    void jsonPatchChangesDataAndPermissions() {
        Http jsonPatch = alice.with("Content-Type", "application/json-patch+json");
        Http.Response patched = jsonPatch.send("PATCH", record,
                "[{\"op\": \"replace\", \"path\": \"/data/list\", \"value\": [3]},"
                        + " {\"op\": \"add\", \"path\": \"/permissions/read/" + userId(bob) + "\"}]");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("[3]", patched.object().getJsonObject("data").getJsonArray("list").toString());
        assertEquals(200, bob.get(record).status());
        jsonPatch.send("PATCH", record, "[{\"op\": \"remove\", \"path\": \"/permissions/read/" + userId(bob) + "\"}]");
        assertEquals(403, bob.get(record).status());
        assertInvalid(jsonPatch.send("PATCH", record, "[{\"op\": \"test\", \"path\": \"/data/a\", \"value\": 9}]"),
                "body", null);
        assertInvalid(jsonPatch.send("PATCH", record, "[{\"op\": \"jump\", \"path\": \"/data/a\"}]"), "body", "0.op");
    }

    @Test
    void plainPatchReplacesTheGivenPermissionsAndKeepsTheWriter() {
        Http.Response patched = alice.send("PATCH", record, "{\"permissions\": {\"write\": [\"system.Authenticated\"]}}");
        assertEquals(List.of(userId(alice), "system.Authenticated"),
                strings(patched.object().getJsonObject("permissions").getJsonArray("write")));
        assertEquals(200, bob.send("PATCH", record, "{\"data\": {\"by\": \"bob\"}}").status());
    }
}

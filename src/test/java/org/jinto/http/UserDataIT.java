package org.jinto.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jinto.auth.HmacDigest;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code DELETE /v1/__user_data__/{principal}}, the scenario of Kinto 25's {@code test_views_admin.py}: a doomed
 * user's data next to a safe user's, shared objects and a group, then the safe user (allowed by
 * {@code user-data_delete_principals}, and reading everything through the read principals settings) deletes the
 * doomed user's data.
 */
class UserDataIT {

    private static final String SECRET = "secret_hmac_for_userids";
    private static final String MAT = "basicauth:" + HmacDigest.hex(SECRET, "mat:secret");
    private static final String DOOMED = "basicauth:" + HmacDigest.hex(SECRET, "doomed:trustno1");
    private static final String SUFFIX = Long.toString(System.nanoTime());
    private static final String DOOMED_BUCKET = "/buckets/user_to_delete" + SUFFIX;
    private static final String SAFE_BUCKET = "/buckets/user_safe" + SUFFIX;
    private static final String SHARED_BUCKET = "/buckets/both" + SUFFIX;
    private static final String SAFE_COLLECTION = SAFE_BUCKET + "/collections/collection_safe";
    private static final String GROUP = SAFE_BUCKET + "/groups/silly-group";

    private static Http anonymous;
    private static Http mat;
    private static Http doomed;
    private static Http.Response deletion;

    @BeforeAll
    static void deleteTheDoomedUser() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("multiauth.policies", "basicauth");
        settings.put("kinto.userid_hmac_secret", SECRET);
        settings.put("kinto.user-data_delete_principals", MAT);
        for (String resource : List.of("bucket", "collection", "group", "record")) {
            settings.put("kinto." + resource + "_read_principals", MAT);
        }
        anonymous = new Http(JintoServer.url(settings));
        mat = anonymous.as("mat", "secret");
        doomed = anonymous.as("doomed", "trustno1");

        ok(doomed.send("PUT", DOOMED_BUCKET, null));
        ok(doomed.send("PUT", DOOMED_BUCKET + "/collections/collection_to_delete", null));
        ok(doomed.send("PATCH", DOOMED_BUCKET, write(MAT)));
        ok(mat.send("PUT", DOOMED_BUCKET + "/collections/collection", null));
        ok(doomed.send("PATCH", DOOMED_BUCKET, write()));
        ok(mat.send("PUT", SAFE_BUCKET, write(DOOMED)));
        ok(doomed.send("PUT", SAFE_BUCKET + "/collections/collection_to_delete", null));
        ok(mat.send("PUT", SAFE_COLLECTION, null));
        ok(mat.send("PATCH", SAFE_COLLECTION, write(DOOMED)));
        ok(doomed.send("PUT", SAFE_COLLECTION + "/records/record_to_delete", "{\"data\": {}}"));
        ok(mat.send("PATCH", SAFE_COLLECTION, write()));
        ok(mat.send("PUT", SAFE_COLLECTION + "/records/record_safe",
                "{\"data\": {}, \"permissions\": {\"read\": [\"" + DOOMED + "\"]}}"));
        ok(doomed.send("PUT", SHARED_BUCKET, write(DOOMED, MAT)));
        ok(mat.send("PUT", GROUP, "{\"data\": {\"members\": [\"" + DOOMED + "\", \"" + MAT + "\"]}}"));
        assertTrue(principals(doomed).contains(GROUP));

        deletion = mat.send("DELETE", "/__user_data__/" + DOOMED, null);
    }

    private static void ok(Http.Response response) {
        assertTrue(response.status() == 200 || response.status() == 201, response.toString());
    }

    private static String write(String... principals) {
        return "{\"permissions\": {\"write\": [" + String.join(", ", List.of(principals).stream()
                .map(p -> "\"" + p + "\"").toList()) + "]}}";
    }

    private static Set<String> principals(Http user) {
        return new HashSet<>(user.get("/").object().getJsonObject("user").getJsonArray("principals")
                .getValuesAs(JsonString::getString));
    }

    private static Map<String, Set<String>> permissions(String uri) {
        Http.Response response = mat.get(uri);
        assertEquals(200, response.status(), uri);
        JsonObject permissions = response.object().getJsonObject("permissions");
        Map<String, Set<String>> result = new java.util.TreeMap<>();
        permissions.forEach((name, list) -> result.put(name,
                new HashSet<>(list.asJsonArray().getValuesAs(JsonString::getString))));
        return result;
    }

    @Test
    void answersThePrincipal() {
        assertEquals(200, deletion.status(), deletion.toString());
        assertEquals(DOOMED, deletion.object().getJsonObject("data").getString("principal"));
        assertEquals(200, mat.send("DELETE", "/__user_data__/" + DOOMED, null).status(), "deleting twice is fine");
    }

    @Test
    void whatTheUserAloneCouldWriteIsDeletedWithItsChildren() {
        assertEquals(404, mat.get(DOOMED_BUCKET).status());
        assertEquals(404, mat.get(DOOMED_BUCKET + "/collections/collection").status());
        assertEquals(404, mat.get(DOOMED_BUCKET + "/collections/collection_to_delete").status());
        assertEquals(404, mat.get(SAFE_BUCKET + "/collections/collection_to_delete").status());
        assertEquals(404, mat.get(SAFE_COLLECTION + "/records/record_to_delete").status());
    }

    @Test
    void sharedObjectsStayWithoutTheUser() {
        assertEquals(Map.of("write", Set.of(MAT)), permissions(SAFE_BUCKET));
        assertEquals(Map.of("write", Set.of(MAT)), permissions(SHARED_BUCKET));
        assertEquals(Map.of("write", Set.of(MAT)), permissions(SAFE_COLLECTION + "/records/record_safe"));
        assertEquals(200, mat.get(SAFE_COLLECTION).status());
    }

    @Test
    void theUserLeavesItsGroups() {
        assertFalse(principals(doomed).contains(GROUP));
        assertTrue(principals(mat).contains(GROUP));
    }

    @Test
    void onlyTheDeletePrincipalsMayDelete() {
        Http.Response refused = doomed.send("DELETE", "/__user_data__/" + MAT, null);
        assertEquals(403, refused.status());
        assertEquals(121, refused.object().getInt("errno"));
        assertEquals(401, anonymous.send("DELETE", "/__user_data__/" + MAT, null).status());
    }

    @Test
    void otherMethodsAreNotAllowed() {
        for (String url : List.of("/__user_data__", "/__user_data__/" + DOOMED)) {
            for (String method : List.of("GET", "HEAD", "PUT", "PATCH")) {
                assertEquals(405, mat.send(method, url, null).status(), method + " " + url);
            }
        }
        Http.Response plural = mat.send("DELETE", "/__user_data__", null);
        assertEquals(405, plural.status());
        assertEquals(115, plural.object().getInt("errno"));
    }
}

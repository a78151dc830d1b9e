package org.jinto.http.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/__api__} over real HTTP: a valid OpenAPI 2.0 document (checked by swagger-parser) describing
 * what each server routes with its settings — every plugin on, or none and read-only.
 */
class OpenApiIT {

    private static Http everything;
    private static Http minimal;

    @BeforeAll
    static void servers() {
        Map<String, String> all = JintoServer.defaults();
        all.put("kinto.includes", "kinto.plugins.accounts kinto.plugins.history kinto.plugins.flush "
                + "kinto.plugins.prometheus");
        all.put("multiauth.policies", "account basicauth");
        all.put("kinto.experimental_permissions_endpoint", "true");
        everything = new Http(JintoServer.url(all));
        minimal = new Http(JintoServer.url(JintoServer.minimalReadOnly()));
    }

    @Test
    void anonymousGetAnswersAValidSwaggerDocument() {
        Http.Response response = everything.get("/__api__");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
        assertNoValidationMessages(response.body());
        JsonObject document = response.object();
        assertEquals("2.0", document.getString("swagger"));
        assertEquals("/v1", document.getString("basePath"));
        assertEquals("jinto", document.getJsonObject("info").getString("title"));
        assertEquals("1.23", document.getJsonObject("info").getString("version"));
        assertEquals(List.of("http"), strings(document, "schemes"));
        assertEquals(response.body(), everything.get("/__api__").body(), "generated once, answered the same");
    }

    @Test
    void resourcesHaveListAndObjectPathsWithTheRoutedMethods() {
        JsonObject paths = everything.get("/__api__").object().getJsonObject("paths");
        Set<String> plural = Set.of("get", "head", "post", "delete");
        Set<String> object = Set.of("get", "head", "put", "patch", "delete");
        for (String list : List.of("/buckets", "/buckets/{bucket_id}/collections", "/buckets/{bucket_id}/groups",
                "/buckets/{bucket_id}/collections/{collection_id}/records", "/accounts")) {
            assertEquals(plural, paths.getJsonObject(list).keySet(), list);
            assertEquals(object, paths.getJsonObject(list + "/{id}").keySet(), list + "/{id}");
        }
        assertEquals(Set.of("get", "head", "delete"), paths.getJsonObject("/buckets/{bucket_id}/history").keySet());
        assertFalse(paths.containsKey("/buckets/{bucket_id}/history/{id}"), "history has no object endpoint");
        assertEquals(Set.of("get", "head"), paths.getJsonObject("/permissions").keySet());
    }

    @Test
    void listsTakeKintosParametersAndAnswerKintosErrors() {
        JsonObject document = everything.get("/__api__").object();
        JsonObject list = document.getJsonObject("paths").getJsonObject("/buckets/{bucket_id}/collections")
                .getJsonObject("get");
        Map<String, String> parameters = list.getJsonArray("parameters").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(p -> p.getString("name"), p -> p.getString("in")));
        for (String query : List.of("_since", "_before", "_to", "_sort", "_limit", "_token", "_fields")) {
            assertEquals("query", parameters.get(query), query);
        }
        assertEquals("header", parameters.get("If-Match"));
        assertEquals("header", parameters.get("If-None-Match"));
        assertEquals("path", parameters.get("bucket_id"));
        assertEquals("get_collections", list.getString("operationId"));
        assertEquals(List.of("Collections"), strings(list, "tags"));
        assertEquals("#/definitions/Error", list.getJsonObject("responses").getJsonObject("412")
                .getJsonObject("schema").getString("$ref"));
        assertEquals(Set.of("code", "errno", "error"), Set.copyOf(strings(document.getJsonObject("definitions")
                .getJsonObject("Error"), "required")));
        JsonObject permissions = document.getJsonObject("definitions").getJsonObject("BucketPermissions");
        assertEquals(Set.of("read", "write", "collection:create", "group:create"),
                permissions.getJsonObject("properties").keySet());
    }

    @Test
    void resourcesNeedTheConfiguredBasicPoliciesServiceEndpointsNothing() {
        JsonObject document = everything.get("/__api__").object();
        JsonObject definitions = document.getJsonObject("securityDefinitions");
        assertEquals(Set.of("account", "basicauth"), definitions.keySet());
        assertEquals("basic", definitions.getJsonObject("basicauth").getString("type"));
        JsonObject paths = document.getJsonObject("paths");
        assertEquals(2, paths.getJsonObject("/buckets").getJsonObject("post").getJsonArray("security").size());
        for (String service : List.of("/", "/__heartbeat__", "/__lbheartbeat__", "/__version__", "/contribute.json",
                "/__api__", "/__metrics__")) {
            JsonObject get = paths.getJsonObject(service).getJsonObject("get");
            assertNotNull(get, service);
            assertTrue(get.getJsonArray("security").isEmpty(), service);
        }
        assertEquals("server_info", paths.getJsonObject("/").getJsonObject("get").getString("operationId"));
        assertEquals(List.of("Batch"), strings(paths.getJsonObject("/batch").getJsonObject("post"), "tags"));
        assertEquals(Set.of("202", "default"),
                paths.getJsonObject("/__flush__").getJsonObject("post").getJsonObject("responses").keySet());
        assertFalse(paths.containsKey("/admin"), "static admin files are not part of the API description");
    }

    @Test
    void disabledPluginsAndWritesOfAReadOnlyServerAreAbsent() {
        Http.Response response = minimal.get("/__api__");
        assertEquals(200, response.status(), response.body());
        assertNoValidationMessages(response.body());
        JsonObject document = response.object();
        JsonObject paths = document.getJsonObject("paths");
        for (String absent : List.of("/accounts", "/accounts/{id}", "/buckets/{bucket_id}/history", "/permissions",
                "/__flush__", "/__metrics__")) {
            assertFalse(paths.containsKey(absent), absent);
        }
        assertFalse(document.getJsonObject("definitions").containsKey("Account"));
        assertEquals(Set.of("get", "head"), paths.getJsonObject("/buckets").keySet());
        assertEquals(Set.of("get", "head"), paths.getJsonObject("/buckets/{bucket_id}/groups/{id}").keySet());
        assertFalse(document.containsKey("securityDefinitions"), "no authentication policy configured");
        assertTrue(paths.containsKey("/batch"));
    }

    private static void assertNoValidationMessages(String document) {
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, null);
        assertNotNull(result.getOpenAPI(), "parsed");
        assertEquals(List.of(), result.getMessages(), "validation messages");
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

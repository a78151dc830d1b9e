package org.jinto.http;

import jakarta.json.JsonObject;
import org.jinto.launcher.EmbeddedServer;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service endpoints and the behaviour every response shares, over real HTTP. */
class ServiceEndpointsIT {

    private final Http http = new Http(JintoServer.url());

    @Test
    void helloDescribesTheServer() {
        Http.Response hello = http.get("/");
        assertEquals(200, hello.status());
        JsonObject body = hello.object();
        assertEquals("1.23", body.getString("http_api_version"));
        assertEquals(JintoServer.url() + "/", body.getString("url"));
        assertEquals(25, body.getJsonObject("settings").getInt("batch_max_requests"));
        assertEquals(false, body.getJsonObject("settings").getBoolean("readonly"));
        assertTrue(body.containsKey("capabilities"));
        assertNull(hello.header("Backoff"));
        assertEquals("nosniff", hello.header("X-Content-Type-Options"));
    }

    @Test
    void heartbeatsAndVersion() {
        Http.Response heartbeat = http.get("/__heartbeat__");
        assertEquals(200, heartbeat.status());
        assertEquals(true, heartbeat.object().getBoolean("storage"));
        assertEquals(true, heartbeat.object().getBoolean("permission"));
        assertEquals(true, heartbeat.object().getBoolean("cache"));
        assertEquals("{}", http.get("/__lbheartbeat__").body());
        assertEquals("jinto", http.get("/__version__").object().getString("name"));
        assertTrue(http.get("/contribute.json").object().containsKey("description"));
    }

    @Test
    void unknownUrlIsKintoNotFound() {
        Http.Response response = http.get("/nothing-here");
        assertEquals(404, response.status());
        assertEquals(111, response.object().getInt("errno"));
        assertEquals("Not Found", response.object().getString("error"));
        assertTrue(response.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void wrongMethodIsKinto405() {
        Http.Response response = http.send("DELETE", "/", null);
        assertEquals(405, response.status());
        assertEquals(115, response.object().getInt("errno"));
    }

    @Test
    void redirectsTrailingSlashAndMissingPrefix() {
        Http.Response slash = http.get("/__heartbeat__/?x=1");
        assertEquals(307, slash.status());
        assertEquals(JintoServer.url() + "/__heartbeat__?x=1", slash.header("Location"));
        Http.Response root = new Http(JintoServer.url().replace("/v1", "")).get("/");
        assertEquals(307, root.status());
        assertEquals(JintoServer.url() + "/", root.header("Location"));
    }

    @Test
    void trailingSlashRedirectsCarryKintosHeaders() {
        Http.Response prefix = http.get("");
        assertEquals(307, prefix.status());
        assertEquals(JintoServer.url() + "/", prefix.header("Location"));

        Http.Response slashes = http.with("Origin", "http://app.example.com").get("/buckets//?_limit=1");
        assertEquals(307, slashes.status());
        assertEquals(JintoServer.url() + "/buckets?_limit=1", slashes.header("Location"));
        assertEquals("max-age=3600", slashes.header("Cache-Control"));
        java.time.Instant expires = java.time.ZonedDateTime.parse(slashes.header("Expires"),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertTrue(expires.isAfter(java.time.Instant.now().plusSeconds(3500)), slashes.header("Expires"));
        // (the HTTP client drops the value's trailing space)
        assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none';",
                slashes.header("Content-Security-Policy"));
        assertEquals("*", slashes.header("Access-Control-Allow-Origin"));

        Http.Response uncached = new Http(JintoServer.url(JintoServer.notices())).get("/buckets/");
        assertEquals("max-age=0, must-revalidate, no-cache, no-store", uncached.header("Cache-Control"));
        assertEquals("no-cache", uncached.header("Pragma"));
    }

    @Test
    void trailingSlashRedirectsCanBeTurnedOff() {
        Http off = new Http(JintoServer.url(JintoServer.switchedOff()));
        assertEquals(404, off.get("").status());
        Http.Response slash = off.get("/buckets/");
        assertEquals(404, slash.status());
        assertEquals(111, slash.object().getInt("errno"));
        assertEquals(200, off.get("/").status());
    }

    @Test
    void helloShowsTheProjectNameSettingTheConfigFileAndIsCachedWhenReadOnly() throws Exception {
        Http.Response hello = new Http(JintoServer.url(JintoServer.minimalReadOnly())).get("/");
        assertEquals("Remote Settings", hello.object().getString("project_name"));
        JsonObject config = hello.object().getJsonObject("config");
        java.nio.file.Path ini = java.nio.file.Path.of(config.getString("path"));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(ini))), config.getString("hash"));
        assertTrue(config.getString("modified").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"),
                config.getString("modified"));
        assertEquals("max-age=86400", hello.header("Cache-Control"));
        assertNull(http.get("/").header("Cache-Control"));
    }

    @Test
    void outsideTheApiErrorsAreJsonToo() {
        Http outside = new Http(JintoServer.url().replace("/v1", ""));
        // Kinto's prefix redirect leaves out paths that name a version.
        Http.Response response = outside.get("/v1x");
        assertEquals(404, response.status());
        assertEquals(111, response.object().getInt("errno"));
        Http.Response otherVersion = outside.get("/v2/buckets");
        assertEquals(404, otherVersion.status());
        assertEquals(116, otherVersion.object().getInt("errno"));
        Http.Response unredirected = new Http(JintoServer.url(JintoServer.switchedOff()).replace("/v1", "")).get("/buckets");
        assertEquals(404, unredirected.status());
        assertEquals(116, unredirected.object().getInt("errno"));
        Http.Response missing = new Http(JintoServer.url()).get("/%00");
        assertTrue(missing.status() == 400 || missing.status() == 404, missing.toString());
        assertTrue(missing.header("Content-Type").startsWith("application/json"), missing.toString());
    }

    @Test
    void backoffHeaderFromSettings() {
        Http.Response hello = new Http(JintoServer.url(JintoServer.notices())).get("/");
        assertEquals("10", hello.header("Backoff"));
    }

    @Test
    void endOfServiceAlertBeforeTheDate() {
        Http.Response hello = new Http(JintoServer.url(JintoServer.notices())).get("/");
        assertEquals(200, hello.status());
        assertEquals("{\"code\":\"soft-eol\",\"message\":\"Moving soon\",\"url\":\"http://eos.example.com\"}", hello.header("Alert"));
        assertEquals("2999-01-01", hello.object().getString("eos"));
    }

    @Test
    void endOfServiceGoneAfterTheDate() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.eos", "2020-01-01");
        Http http = new Http(JintoServer.url(settings));
        for (String path : new String[]{"/", "/__heartbeat__", "/buckets"}) {
            Http.Response response = http.get(path);
            assertEquals(410, response.status());
            assertEquals(202, response.object().getInt("errno"));
            assertTrue(response.header("Alert").contains("hard-eol"));
        }
    }

    @Test
    void unknownBackendStopsStartup() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.storage_backend", "mongodb");
        assertThrows(Exception.class, () -> {
            try (EmbeddedServer ignored = JintoServer.startPrivate(settings)) {
                // Reaching here would mean the server started with an unknown backend.
            }
        });
    }
}

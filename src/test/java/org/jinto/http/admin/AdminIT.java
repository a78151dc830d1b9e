package org.jinto.http.admin;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin UI served from a small build folder made by the test, over real HTTP. */
class AdminIT {

    private static final String INDEX = "<!doctype html><html><head><script src=\"assets/index.js\"></script></head></html>";
    private static Http http;

    @BeforeAll
    static void serveABuild() throws Exception {
        Path build = Files.createTempDirectory("kinto-admin-build");
        Files.writeString(build.resolve("index.html"), INDEX);
        Files.writeString(build.resolve("VERSION"), "3.5.1\n");
        Files.createDirectories(build.resolve("assets"));
        Files.writeString(build.resolve("assets/index.js"), "console.log('admin');");
        Files.writeString(build.resolve("assets/index.css"), "body { margin: 0 }");
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.admin");
        settings.put("kinto.admin_assets_path", build.toString());
        http = new Http(JintoServer.url(settings));
    }

    @Test
    void capabilityAdvertisesTheBuildVersion() {
        JsonObject admin = http.get("/").object().getJsonObject("capabilities").getJsonObject("admin");
        assertEquals("3.5.1", admin.getString("version"));
        assertEquals("Serves the admin console.", admin.getString("description"));
        assertEquals("https://github.com/Kinto/kinto-admin/", admin.getString("url"));
    }

    @Test
    void adminWithoutSlashRedirects() {
        Http.Response response = http.get("/admin");
        assertEquals(307, response.status());
        assertTrue(response.header("Location").endsWith("/v1/admin/"), response.header("Location"));
    }

    @Test
    void homeIsTheIndexWithTheAdminContentSecurityPolicy() {
        Http.Response response = http.get("/admin/");
        assertEquals(200, response.status());
        assertEquals(INDEX, response.body());
        assertTrue(response.header("Content-Type").startsWith("text/html"));
        assertEquals(AdminResource.CONTENT_SECURITY_POLICY, response.header("Content-Security-Policy"));
        assertEquals(1, response.raw().headers().allValues("Content-Security-Policy").size());
    }

    @Test
    void buildFilesAreServedBelowTheHome() {
        Http.Response script = http.get("/admin/assets/index.js");
        assertEquals(200, script.status());
        assertEquals("console.log('admin');", script.body());
        assertTrue(script.header("Content-Type").startsWith("text/javascript"));
        assertEquals("max-age=3600", script.header("Cache-Control"));
        assertTrue(http.get("/admin/assets/index.css").header("Content-Type").startsWith("text/css"));
        assertEquals("3.5.1\n", http.get("/admin/VERSION").body());

        Http.Response again = http.with("If-Modified-Since", script.header("Last-Modified")).get("/admin/assets/index.js");
        assertEquals(304, again.status());
    }

    @Test
    void missingFilesAreKintoNotFound() {
        Http.Response missing = http.get("/admin/assets/missing.js");
        assertEquals(404, missing.status());
        assertEquals(111, missing.object().getInt("errno"));
        assertEquals(404, http.get("/admin/assets/").status());
    }

    @Test
    void withoutABuildTheServerStartsAndTheCapabilitySaysWhatIsMissing() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.admin");
        Http noBuild = new Http(JintoServer.url(settings));
        JsonObject admin = noBuild.get("/").object().getJsonObject("capabilities").getJsonObject("admin");
        assertEquals("Serves the admin console.", admin.getString("description"));
        assertTrue(admin.isNull("version"));
        assertTrue(admin.getString("missing").contains("kinto.admin_assets_path"), admin.toString());
        assertTrue(noBuild.get("/").object().getJsonObject("capabilities").containsKey("permissions_endpoint"),
                "the admin turns the permissions endpoint on, as in Kinto");
        assertEquals(200, noBuild.get("/permissions").status());
        assertEquals(307, noBuild.get("/admin").status());
        Http.Response index = noBuild.get("/admin/");
        assertEquals(404, index.status());
        assertEquals(111, index.object().getInt("errno"));
    }

    @Test
    void withoutThePluginThereIsNoAdmin() {
        Http plain = new Http(JintoServer.url());
        assertEquals(404, plain.get("/admin/").status());
        assertEquals(404, plain.get("/admin/index.html").status());
        assertFalse(plain.get("/").object().getJsonObject("capabilities").containsKey("admin"));
    }
}

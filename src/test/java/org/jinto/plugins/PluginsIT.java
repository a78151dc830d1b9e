package org.jinto.plugins;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StartupFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plugins bundled in WEB-INF/lib: enabled by kinto.includes, invisible otherwise; unknown includes stop startup. */
class PluginsIT {

    private static String server(String key, String value) {
        Map<String, String> settings = JintoServer.defaults();
        settings.put(key, value);
        return JintoServer.url(settings);
    }

    private static JsonObject capabilities(String url) {
        return new Http(url).get("/").object().getJsonObject("capabilities");
    }

    @Test
    void flushIsEnabledByItsIncludeName() {
        String url = server("kinto.includes", "kinto.plugins.flush");
        JsonObject flush = capabilities(url).getJsonObject("flush_endpoint");
        assertEquals("The __flush__ endpoint can be used to remove all data from all backends.",
                flush.getString("description"));
        assertEquals("https://kinto.readthedocs.io/en/latest/api/1.x/flush.html", flush.getString("url"));

        Http.Response response = new Http(url).send("POST", "/__flush__", null);
        assertEquals(202, response.status());
        assertEquals("{}", response.body());
    }

    @Test
    void flushIsEnabledByItsSettingToo() {
        String url = server("kinto.flush_endpoint_enabled", "true");
        assertTrue(capabilities(url).containsKey("flush_endpoint"));
        assertEquals(202, new Http(url).send("POST", "/__flush__", null).status());
    }

    @Test
    void historyCapabilityShowsItsSettings() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.history");
        settings.put("kinto.history.auto_trim_max_count", "50");
        JsonObject history = capabilities(JintoServer.url(settings)).getJsonObject("history");
        assertEquals("Track changes on data.", history.getString("description"));
        assertEquals(50, history.getInt("auto_trim_max_count"));
    }

    @Test
    void disabledPluginHasNoCapabilityAndNoEndpoint() {
        String url = JintoServer.url();
        assertFalse(capabilities(url).containsKey("flush_endpoint"));
        Http.Response response = new Http(url).send("POST", "/__flush__", null);
        assertEquals(404, response.status());
        assertEquals(111, response.object().getInt("errno"));
    }

    @Test
    void builtInFeaturesAreIncludedByTheirKintoNames() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.default_bucket kinto.plugins.flush kinto.plugins.statsd");
        assertTrue(capabilities(JintoServer.url(settings)).containsKey("default_bucket"));
    }

    @Test
    void includingAnAbsentPluginStopsStartup() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.flush kinto.plugins.nowhere");
        List<String> errors = StartupFailure.errorsOf(settings);
        assertTrue(errors.stream().anyMatch(e -> e.contains("Setting kinto.includes lists 'kinto.plugins.nowhere' "
                + "but no installed plugin has that name")), errors.toString());
    }
}

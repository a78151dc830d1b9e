package org.jinto.plugins;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.PluginBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The example third-party plugin (examples/counter-plugin), compiled against the plugin API alone and dropped
 * into the folder named by kinto.plugins_dir: its capability, endpoint and observer work with no change to Jinto.
 */
class CounterPluginIT {

    private static String url;

    @BeforeAll
    static void dropThePluginIn() throws Exception {
        Path folder = Files.createTempDirectory("jinto-plugins");
        PluginBuild.build(PluginBuild.projectDirectory("examples/counter-plugin"), folder.resolve("counter-plugin.jar"));
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.plugins_dir", folder.toString());
        settings.put("kinto.includes", "jinto.examples.counter");
        url = JintoServer.url(settings);
    }

    @Test
    void capabilityAppearsInHello() {
        JsonObject counter = new Http(url).get("/").object().getJsonObject("capabilities").getJsonObject("counter");
        assertEquals("Counts the records created in each collection.", counter.getString("description"));
        assertEquals("/__counter__/{bucket_id}/{collection_id}", counter.getString("endpoint"));
    }

    @Test
    void endpointAnswers() {
        Http.Response response = new Http(url).get("/__counter__/b1/untouched");
        assertEquals(200, response.status(), response.toString());
        assertEquals(0, response.object().getInt("records_created"));
    }
}

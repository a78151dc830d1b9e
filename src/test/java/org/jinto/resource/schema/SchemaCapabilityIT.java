package org.jinto.resource.schema;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The {@code schema} capability of {@code GET /v1/} follows {@code kinto.experimental_collection_schema_validation}. */
class SchemaCapabilityIT {

    @Test
    void shownWhenSchemaValidationIsOn() {
        // The standard server validates schemas.
        JsonObject schema = capabilities(JintoServer.standard()).getJsonObject("schema");
        assertEquals("Validates collection records with JSON schemas.", schema.getString("description"));
        assertEquals("https://kinto.readthedocs.io/en/latest/api/1.x/collections.html#collection-json-schema",
                schema.getString("url"));
        assertEquals(2, schema.size());
    }

    @Test
    void absentWhenSchemaValidationIsOff() {
        assertFalse(capabilities(JintoServer.defaults()).containsKey("schema"));
        Map<String, String> off = JintoServer.defaults();
        off.put("kinto.experimental_collection_schema_validation", "false");
        assertFalse(capabilities(off).containsKey("schema"));
    }

    private static JsonObject capabilities(Map<String, String> settings) {
        Http.Response hello = new Http(JintoServer.url(settings)).get("/");
        assertEquals(200, hello.status(), hello.body());
        return hello.object().getJsonObject("capabilities");
    }
}

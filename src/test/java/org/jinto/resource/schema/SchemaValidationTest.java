package org.jinto.resource.schema;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.settings.KintoSettings;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaValidationTest {

    private static final JsonSchemas SCHEMAS = new JsonSchemas();
    private final SchemaValidation validation = new SchemaValidation(SCHEMAS, true);

    private static JsonObject object(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    // golden/18_schema.json: a collection schema, a bucket record:schema
    private static final JsonObject COLLECTION = object("{\"id\": \"c1\", \"last_modified\": 1795963366310,"
            + " \"schema\": {\"type\": \"object\", \"properties\": {\"title\": {\"type\": \"string\"}},"
            + " \"required\": [\"title\"]}}");
    private static final JsonObject BUCKET = object("{\"id\": \"b1\", \"last_modified\": 1,"
            + " \"record:schema\": {\"type\": \"object\", \"required\": [\"kind\"]},"
            + " \"collection:schema\": {\"properties\": {\"cache_expires\": {\"type\": \"integer\"}}}}");

    @Test
    void aValidRecordGetsTheSchemaVersion() {
        JsonObject stored = validation.record(object("{\"id\": \"r1\", \"title\": \"ok\", \"kind\": \"k\","
                + " \"schema\": 3}"), COLLECTION, BUCKET);
        assertEquals(1795963366310L, stored.getJsonNumber("schema").longValue());
        assertEquals("ok", stored.getString("title"));
    }

    @Test
    void collectionSchemaFirstThenBucketSchema() {
        assertInvalid(() -> validation.record(object("{\"id\": \"r2\"}"), COLLECTION, BUCKET),
                "'title' is a required property", detail("body", "title", "'title' is a required property"));
        // golden/18_schema.json "bucket schema enforced": a collection without a schema of its own.
        assertInvalid(() -> validation.record(object("{\"id\": \"x\", \"other\": 1}"), object("{\"id\": \"c3\"}"),
                BUCKET), "'kind' is a required property", detail("body", "kind", "'kind' is a required property"));
        JsonObject stored = validation.record(object("{\"id\": \"y\", \"kind\": \"k\"}"), object("{\"id\": \"c3\"}"),
                BUCKET);
        assertFalse(stored.containsKey("schema"));
    }

    @Test
    void collectionsAndGroupsAgainstTheBucket() {
        assertInvalid(() -> validation.fromBucket(object("{\"id\": \"c\", \"cache_expires\": \"1\"}"), "collection",
                        BUCKET), "cache_expires in body: '1' is not of type 'integer'",
                detail("body", "cache_expires", "'1' is not of type 'integer'"));
        validation.fromBucket(object("{\"id\": \"g\", \"members\": []}"), "group", BUCKET);
    }

    @Test
    void disabledChecksNothing() {
        SchemaValidation off = SchemaValidation.fromSettings(SCHEMAS, new KintoSettings(Map.of(), name -> null));
        assertFalse(off.enabled());
        JsonObject record = object("{\"id\": \"r\"}");
        assertEquals(record, off.record(record, COLLECTION, BUCKET));
        off.fromBucket(object("{\"cache_expires\": \"x\"}"), "collection", BUCKET);
        assertTrue(SchemaValidation.fromSettings(SCHEMAS, new KintoSettings(
                Map.of("kinto.experimental_collection_schema_validation", "true"), name -> null)).enabled());
    }
}

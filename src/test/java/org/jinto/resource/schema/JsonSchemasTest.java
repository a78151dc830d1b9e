package org.jinto.resource.schema;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.http.KintoException;
import org.jinto.resource.errors.ErrorDetail;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.jinto.resource.errors.KintoErrors.assertInvalid;
import static org.jinto.resource.errors.KintoErrors.detail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonSchemasTest {

    private static final JsonSchemas SCHEMAS = new JsonSchemas();
    private static final List<String> IGNORED = List.of("last_modified", "schema", "__permissions__");
    // golden/18_schema.json "collection with schema"
    private static final JsonObject TITLED = object("{\"type\": \"object\", \"properties\": {\"title\": {\"type\":"
            + " \"string\"}, \"n\": {\"type\": \"integer\", \"minimum\": 0}}, \"required\": [\"title\"]}");

    private static JsonObject object(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertRecordError(String record, JsonObject schema, JsonValue name, String message,
                                          String description) {
        assertInvalid(() -> SCHEMAS.validate(object(record), schema, IGNORED), message,
                new ErrorDetail("body", name, description));
    }

    private static void assertRecordError(String record, JsonObject schema, String name, String description) {
        String message = description.contains(name) ? description : name + " in body: " + description;
        assertRecordError(record, schema, Json.createValue(name), message, description);
    }

    @Test
    void validRecordsPass() {
        SCHEMAS.validate(object("{\"id\": \"r1\", \"title\": \"ok\", \"n\": 1, \"last_modified\": 5}"), TITLED, IGNORED);
        SCHEMAS.validate(object("{\"title\": \"ok\"}"), object("{}"), IGNORED);
    }

    @Test
    void goldenSchemaErrors() {
        // golden/18_schema.json "missing required", "wrong type", "minimum violated", "patch breaking schema"
        assertRecordError("{\"id\": \"r2\", \"n\": 1}", TITLED, "title", "'title' is a required property");
        assertRecordError("{\"id\": \"r3\", \"title\": 5}", TITLED, "title", "5 is not of type 'string'");
        assertRecordError("{\"title\": \"x\", \"n\": -1}", TITLED, "n", "-1 is less than the minimum of 0");
        assertRecordError("{\"title\": \"ok\", \"n\": \"nope\"}", TITLED, "n", "'nope' is not of type 'integer'");
    }

    @Test
    void theFirstErrorInSchemaOrderIsAnswered() {
        JsonObject schema = object("{\"required\": [\"a\"], \"properties\": {\"b\": {\"type\": \"string\"},"
                + " \"c\": {\"type\": \"string\"}}}");
        assertRecordError("{\"b\": 1, \"c\": 2}", schema, "a", "'a' is a required property");
        assertRecordError("{\"a\": 0, \"c\": 2, \"b\": 1}", schema, "b", "1 is not of type 'string'");
        JsonObject items = object("{\"properties\": {\"t\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}}");
        assertRecordError("{\"t\": [\"a\", 1, 2]}", items, Json.createValue(1), "1 is not of type 'string'",
                "1 is not of type 'string'");
    }

    @Test
    void kintoNamesARequiredErrorAfterTheLastRequiredField() {
        JsonObject schema = object("{\"required\": [\"a\", \"b\", \"last_modified\"]}");
        assertRecordError("{\"c\": 1}", schema, Json.createValue("b"), "b in body: 'a' is a required property",
                "'a' is a required property");
        // Ignored fields (and id) are not required of the record.
        SCHEMAS.validate(object("{\"a\": 1, \"b\": 2}"), object("{\"required\": [\"id\", \"last_modified\"]}"), IGNORED);
    }

    @Test
    void messagesFollowPythonJsonschema() {
        JsonObject schema = object("{\"properties\": {"
                + "\"e\": {\"enum\": [\"a\", 1]}, \"s\": {\"minLength\": 2}, \"p\": {\"pattern\": \"^x\"},"
                + "\"m\": {\"maxLength\": 1}, \"u\": {\"uniqueItems\": true}, \"c\": {\"const\": \"k\"},"
                + "\"x\": {\"exclusiveMaximum\": 3}, \"f\": {\"multipleOf\": 2}, \"one\": {\"minItems\": 1},"
                + "\"o\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}, \"no\": {\"not\": {\"type\": \"null\"}},"
                + "\"ts\": {\"type\": [\"string\", \"null\"]}, \"big\": {\"maximum\": 2.5}}}");
        assertRecordError("{\"e\": \"z\"}", schema, "e", "'z' is not one of ['a', 1]");
        assertRecordError("{\"s\": \"y\"}", schema, "s", "'y' is too short");
        assertRecordError("{\"p\": \"y\"}", schema, "p", "'y' does not match '^x'");
        assertRecordError("{\"m\": \"yy\"}", schema, "m", "'yy' is too long");
        assertRecordError("{\"u\": [1, 1]}", schema, "u", "[1, 1] has non-unique elements");
        assertRecordError("{\"c\": \"j\"}", schema, "c", "'k' was expected");
        assertRecordError("{\"x\": 3}", schema, "x", "3 is greater than or equal to the maximum of 3");
        assertRecordError("{\"f\": 3}", schema, "f", "3 is not a multiple of 2");
        assertRecordError("{\"one\": []}", schema, "one", "[] should be non-empty");
        assertRecordError("{\"o\": 1.5}", schema, "o", "1.5 is not valid under any of the given schemas");
        assertRecordError("{\"no\": null}", schema, "no", "None should not be valid under {'type': 'null'}");
        assertRecordError("{\"ts\": true}", schema, "ts", "True is not of type 'string', 'null'");
        assertRecordError("{\"big\": 3}", schema, "big", "3 is greater than the maximum of 2.5");
    }

    @Test
    void rootLevelErrorsAreNamedAsKintoDoes() {
        assertRecordError("{\"a\": 1, \"c\": 2}", object("{\"properties\": {\"b\": {}}, \"additionalProperties\": false}"),
                "additionalProperties", "Additional properties are not allowed ('a', 'c' were unexpected)");
        assertRecordError("{\"a\": 1}", object("{\"minProperties\": 2}"),
                "minProperties", "{'a': 1} does not have enough properties");
    }

    @Test
    void unresolvableReferencesAreAboutTheSchema() {
        KintoException error = assertThrows(KintoException.class, () -> SCHEMAS.validate(object("{\"r\": 1}"),
                object("{\"properties\": {\"r\": {\"$ref\": \"#/definitions/nope\"}}}"), IGNORED));
        assertEquals(400, error.status());
        assertEquals("schema", error.details().asJsonArray().getJsonObject(0).getString("name"));
    }

    @Test
    void remoteReferencesAreNeverFetched() {
        KintoException error = assertThrows(KintoException.class, () -> SCHEMAS.validate(object("{\"r\": 1}"),
                object("{\"properties\": {\"r\": {\"$ref\": \"http://127.0.0.1:1/x.json\"}}}"), IGNORED));
        assertEquals("schema", error.details().asJsonArray().getJsonObject(0).getString("name"));
        KintoException file = assertThrows(KintoException.class, () -> SCHEMAS.validate(object("{\"r\": 1}"),
                object("{\"properties\": {\"r\": {\"$ref\": \"file:///etc/passwd\"}}}"), IGNORED));
        assertEquals(400, file.status());
    }

    @Test
    void schemasMustBeValidDraft7() {
        // golden/18_schema.json "invalid schema rejected"
        assertInvalid(() -> SCHEMAS.checkSchema(object("{\"type\": \"nonsense\"}"), "data.schema"),
                "data.schema in body: type'nonsense' is not valid under any of the given schemas",
                detail("body", "data.schema", "type'nonsense' is not valid under any of the given schemas"));
        assertInvalid(() -> SCHEMAS.checkSchema(object("{\"minimum\": \"zero\"}"), "data.record:schema"),
                "data.record:schema in body: minimum'zero' is not of type 'number'",
                detail("body", "data.record:schema", "minimum'zero' is not of type 'number'"));
        String notMapping = "\"5\" is not a mapping type: Does not implement dict-like functionality.";
        assertInvalid(() -> SCHEMAS.checkSchema(Json.createValue(5), "data.schema"), "data.schema in body: " + notMapping,
                detail("body", "data.schema", notMapping));
        SCHEMAS.checkSchema(object("{}"), "data.schema");
        SCHEMAS.checkSchema(TITLED, "data.schema");
    }
}

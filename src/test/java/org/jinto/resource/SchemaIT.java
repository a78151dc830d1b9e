package org.jinto.resource;

import org.jinto.testing.Http;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON schemas on collections and buckets validate what the engine stores, when the setting is on. */
class SchemaIT extends ApiTestSupport {

    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"title\": {\"type\": \"string\"}},"
            + " \"required\": [\"title\"]}";

    /** The standard server validates schemas. */
    private final Http owner = alice;

    @Test
    void recordsFollowTheirCollectionSchema() {
        String b = "/buckets/" + unique("b");
        owner.send("PUT", b, "{}");
        Http.Response collection = owner.send("PUT", b + "/collections/c", "{\"data\": {\"schema\": " + SCHEMA + "}}");
        assertEquals(201, collection.status(), collection.body());
        assertInvalid(owner.send("PUT", b + "/collections/c/records/r", "{\"data\": {\"title\": 3}}"), "body", "title");
        Http.Response valid = owner.send("PUT", b + "/collections/c/records/r", "{\"data\": {\"title\": \"ok\"}}");
        assertEquals(201, valid.status());
        assertEquals(lastModified(collection), valid.object().getJsonObject("data").getJsonNumber("schema").longValue());
    }

    @Test
    void bucketsConstrainTheirChildren() {
        String b = "/buckets/" + unique("b");
        assertEquals(201, owner.send("PUT", b, "{\"data\": {\"collection:schema\": " + SCHEMA + "}}").status());
        assertInvalid(owner.send("PUT", b + "/collections/c", "{\"data\": {}}"), "body", "title");
        assertEquals(201, owner.send("PUT", b + "/collections/c", "{\"data\": {\"title\": \"t\"}}").status());
        assertInvalid(owner.send("PUT", b, "{\"data\": {\"record:schema\": {\"type\": 42}}}"), "body", "data.record:schema");
        assertInvalid(owner.send("PATCH", b + "/collections/c", "{\"data\": {\"schema\": []}}"), "body", "schema");
    }
}

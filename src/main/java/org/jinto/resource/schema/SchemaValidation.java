package org.jinto.resource.schema;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;

import java.util.List;

/**
 * Kinto's {@code experimental_collection_schema_validation}: records validate against their collection's
 * {@code schema} then their bucket's {@code record:schema}; collections and groups against the bucket's
 * {@code collection:schema} / {@code group:schema}. Disabled, nothing is checked.
 */
public final class SchemaValidation {

    public static final String SETTING = "kinto.experimental_collection_schema_validation";
    private static final List<String> RECORD_IGNORED = List.of("last_modified", "schema", "__permissions__");
    private static final List<String> BUCKET_CHILD_IGNORED = List.of("last_modified", "__permissions__");

    private final JsonSchemas schemas;
    private final boolean enabled;

    public SchemaValidation(JsonSchemas schemas, boolean enabled) {
        this.schemas = schemas;
        this.enabled = enabled;
    }

    public static SchemaValidation fromSettings(JsonSchemas schemas, Settings settings) {
        return new SchemaValidation(schemas, settings.getBoolean(SETTING, false));
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Kinto's {@code Record.process_object}: the record to store. When the collection has a {@code schema}, the
     * record must validate against it and records the schema version (the collection's {@code last_modified}) in
     * its {@code schema} field.
     * @throws org.jinto.api.http.KintoException 400 errno 107 naming the first invalid field
     */
    public JsonObject record(JsonObject record, JsonObject collection, JsonObject bucket) {
        if (!enabled) {
            return record;
        }
        JsonObject checked = record;
        if (collection.get("schema") instanceof JsonObject schema) {
            schemas.validate(record, schema, RECORD_IGNORED);
            checked = JSON.createObjectBuilder(record).add("schema", collection.get("last_modified")).build();
        }
        fromBucket(checked, "record", bucket, RECORD_IGNORED);
        return checked;
    }

    /** A collection or group against its bucket's {@code collection:schema} or {@code group:schema}. */
    public void fromBucket(JsonObject object, String resourceName, JsonObject bucket) {
        if (enabled) {
            fromBucket(object, resourceName, bucket, BUCKET_CHILD_IGNORED);
        }
    }

    private void fromBucket(JsonObject object, String resourceName, JsonObject bucket, List<String> ignored) {
        JsonValue schema = bucket.get(resourceName + ":schema");
        if (schema instanceof JsonObject bucketSchema) {
            schemas.validate(object, bucketSchema, ignored);
        }
    }
}

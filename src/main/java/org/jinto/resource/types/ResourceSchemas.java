package org.jinto.resource.types;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;
import org.jinto.resource.RequestContext;
import org.jinto.resource.schema.JsonSchemas;
import org.jinto.resource.schema.SchemaValidation;

/**
 * JSON schemas for the Kinto types: schemas written in objects ({@code schema} of collections,
 * {@code record:schema}... of buckets) must be valid, and with {@code kinto.experimental_collection_schema_validation}
 * records, collections and groups validate against them.
 */
@ApplicationScoped
public class ResourceSchemas {

    private static final String BUCKET = "schemas.bucket";

    @Inject
    Settings settings;
    @Inject
    Storage storage;

    private final JsonSchemas schemas = new JsonSchemas();

    /** Checks {@code data.<field>} when the data has it (Kinto's {@code JSONSchemaMapping}). */
    void checkSchemaField(JsonObject data, String field, String prefix) {
        JsonValue schema = data.get(field);
        if (schema != null) {
            schemas.checkSchema(schema, prefix + field);
        }
    }

    SchemaValidation validation() {
        return SchemaValidation.fromSettings(schemas, settings);
    }

    /** The bucket of the addressed objects; 404 (errno 111) if it does not exist. */
    JsonObject bucket(RequestContext context) {
        return context.attribute(BUCKET, () -> {
            String bucketId = context.route().ids().get("bucket_id");
            try {
                return storage.get("bucket", "", bucketId);
            } catch (ObjectNotFoundException e) {
                throw missing(bucketId, "bucket");
            }
        });
    }

    /** Kinto's 404 for a parent that does not exist. */
    static KintoException missing(String id, String resourceName) {
        return new KintoException(404, Errno.MISSING_RESOURCE, "Not Found", null,
                JSON.createObjectBuilder().add("id", id).add("resource_name", resourceName).build(), null);
    }
}

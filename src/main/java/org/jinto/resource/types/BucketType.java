package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.resource.ResourceType;
import org.jinto.resource.errors.ErrorDetail;

import java.util.List;
import java.util.Map;

/** Buckets ({@code /buckets/{id}}): the top of the tree, created by whoever {@code bucket_create_principals} names. */
@ApplicationScoped
public class BucketType extends ResourceType {

    @Inject
    ResourceSchemas schemas;

    @Override
    public String name() {
        return "bucket";
    }

    @Override
    protected String pluralPath() {
        return "/buckets";
    }

    @Override
    public List<String> permissions() {
        return List.of("read", "write", "collection:create", "group:create");
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("bucket", List.of("write")),
                "read", Map.of("bucket", List.of("write", "read")),
                "read:attributes", Map.of("bucket", List.of("write", "read", "collection:create", "group:create")),
                "group:create", Map.of("bucket", List.of("write", "group:create")),
                "collection:create", Map.of("bucket", List.of("write", "collection:create")));
    }

    /** {@code collection:schema}, {@code group:schema} and {@code record:schema} must be JSON schemas. */
    @Override
    public JsonObject validate(JsonObject data, String prefix, List<ErrorDetail> errors) {
        for (String child : List.of("collection", "group", "record")) {
            schemas.checkSchemaField(data, child + ":schema", prefix);
        }
        return data;
    }
}

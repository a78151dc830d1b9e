package org.jinto.resource.types;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.inject.Inject;
import org.jinto.resource.RequestContext;
import org.jinto.resource.ResourceType;
import org.jinto.resource.errors.ErrorDetail;

import java.util.List;
import java.util.Map;

/** Collections ({@code /buckets/{bucket_id}/collections/{id}}): hold records; {@code cache_expires} is an integer. */
@ApplicationScoped
public class CollectionType extends ResourceType {

    @Inject
    ResourceSchemas schemas;

    @Override
    public String name() {
        return "collection";
    }

    @Override
    protected String pluralPath() {
        return "/buckets/{bucket_id}/collections";
    }

    @Override
    public List<String> permissions() {
        return List.of("read", "write", "record:create");
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("bucket", List.of("write"), "collection", List.of("write")),
                "read", Map.of("bucket", List.of("write", "read"), "collection", List.of("write", "read")),
                "read:attributes", Map.of("bucket", List.of("write", "read"),
                        "collection", List.of("write", "read", "record:create")),
                "record:create", Map.of("bucket", List.of("write"), "collection", List.of("write", "record:create")));
    }

    /** {@code schema} must be a JSON schema, {@code cache_expires} an integer. */
    @Override
    public JsonObject validate(JsonObject data, String prefix, List<ErrorDetail> errors) {
        schemas.checkSchemaField(data, "schema", prefix);
        JsonValue cacheExpires = data.get("cache_expires");
        if (cacheExpires == null || cacheExpires instanceof JsonNumber n && n.isIntegral()) {
            return data;
        }
        if (cacheExpires instanceof JsonString s && s.getString().strip().matches("[+-]?\\d+")) {
            return JSON.createObjectBuilder(data)
                    .add("cache_expires", Long.parseLong(s.getString().strip())).build();
        }
        errors.add(ErrorDetail.of("body", prefix + "cache_expires", "\"" + org.jinto.resource.errors.Python.str(cacheExpires)
                + "\" is not a number"));
        return data;
    }

    /** With schema validation on, a collection validates against its bucket's {@code collection:schema}. */
    @Override
    public JsonObject process(RequestContext context, JsonObject object, JsonObject old) {
        if (schemas.validation().enabled()) {
            schemas.validation().fromBucket(object, name(), schemas.bucket(context));
        }
        return object;
    }
}

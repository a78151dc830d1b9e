package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.InvalidRequest;
import org.jinto.resource.ResourceType;

import java.util.List;
import java.util.Map;

/** Collections ({@code /buckets/{bucket_id}/collections/{id}}): hold records; {@code cache_expires} is an integer. */
@ApplicationScoped
public class CollectionType extends ResourceType {

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

    @Override
    public JsonObject validate(JsonObject data, String prefix, InvalidRequest errors) {
        JsonValue cacheExpires = data.get("cache_expires");
        if (cacheExpires == null || cacheExpires instanceof JsonNumber n && n.isIntegral()) {
            return data;
        }
        if (cacheExpires instanceof JsonString s && s.getString().strip().matches("[+-]?\\d+")) {
            return Json.createObjectBuilder(data)
                    .add("cache_expires", Long.parseLong(s.getString().strip())).build();
        }
        String shown = cacheExpires instanceof JsonString s ? s.getString() : cacheExpires.toString();
        errors.add("body", prefix + "cache_expires", "\"" + shown + "\" is not a number");
        return data;
    }
}

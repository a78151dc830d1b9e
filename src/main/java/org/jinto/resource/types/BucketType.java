package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.resource.ResourceType;

import java.util.List;
import java.util.Map;

/** Buckets ({@code /buckets/{id}}): the top of the tree, created by whoever {@code bucket_create_principals} names. */
@ApplicationScoped
public class BucketType extends ResourceType {

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
}

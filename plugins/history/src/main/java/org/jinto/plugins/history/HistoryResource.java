package org.jinto.plugins.history;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.resource.ResourceDeclaration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/buckets/{bucket_id}/history}: the entries written by {@link HistoryListener}, listed (newest first,
 * filtered, paginated) and purged like any Kinto list; read by whoever may read the bucket, or the entries they
 * were given. No object endpoint, no creation, as Kinto's history view.
 */
@ApplicationScoped
public class HistoryResource implements ResourceDeclaration {

    private static final Set<String> ID_FIELDS = Set.of("record_id", "collection_id", "bucket_id");
    /** Kinto's {@code HistorySchema}, which does not preserve unknown fields. */
    private static final Set<String> FIELDS = Set.of("user_id", "uri", "action", "date", "resource_name", "bucket_id",
            "collection_id", "group_id", "record_id", "target");

    @Inject
    HistoryPlugin plugin;

    @Override
    public String name() {
        return HistoryListener.RESOURCE;
    }

    @Override
    public String pluralPath() {
        return "/buckets/{bucket_id}/history";
    }

    @Override
    public List<String> pluralMethods() {
        // Kinto's declaration: no HEAD of its own, Cornice's automatic one answers as GET.
        return List.of("GET", "DELETE");
    }

    @Override
    public boolean objectEndpoint() {
        return false;
    }

    @Override
    public List<String> permissions() {
        return List.of("read", "write");
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "read", Map.of("bucket", List.of("write", "read"), "history", List.of("write", "read")),
                "write", Map.of("bucket", List.of("write"), "history", List.of("write")));
    }

    @Override
    public Optional<Set<String>> knownFields() {
        return Optional.of(FIELDS);
    }

    @Override
    public boolean isEnabled(Settings settings) {
        return plugin.isEnabled(settings);
    }

    /** Ids are strings: {@code ?record_id=123} (an integer once read, booleans too) compares as {@code "123"}. */
    @Override
    public JsonValue filterValue(String field, JsonValue value) {
        if (!ID_FIELDS.contains(field)) {
            return value;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return JSON.createValue(number.bigIntegerValue().toString());
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return JSON.createValue(value == JsonValue.TRUE ? "True" : "False");
        }
        return value;
    }
}

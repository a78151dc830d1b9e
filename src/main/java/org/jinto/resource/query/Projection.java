package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code _fields} projection, as Kinto's {@code dict_subset}. */
public final class Projection {

    private Projection() {
    }

    /**
     * The object reduced to {@code fields} plus {@code id} and {@code last_modified} (always kept: clients
     * synchronise on them). A dotted field ({@code info.origin}) keeps that part of a nested object; when the parent
     * is not an object, the whole parent value is kept. Absent fields are skipped.
     */
    public static JsonObject project(JsonObject object, List<String> fields) {
        List<String> keys = new ArrayList<>(fields);
        keys.add("id");
        keys.add("last_modified");
        return toJson(subset(object, keys));
    }

    private static Map<String, Object> subset(JsonObject object, List<String> keys) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String key : keys) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                if (object.containsKey(key)) {
                    result.put(key, object.get(key));
                }
                continue;
            }
            String field = key.substring(0, dot);
            JsonValue value = object.get(field);
            if (value instanceof JsonObject nested) {
                Map<String, Object> part = subset(nested, List.of(key.substring(dot + 1)));
                result.put(field, merge(part, result.get(field)));
            } else if (value != null) {
                result.put(field, value);
            }
        }
        return result;
    }

    /** Kinto's {@code dict_merge(a, b)}: b's members, then a's, merging nested objects. */
    private static Object merge(Map<String, Object> part, Object existing) {
        Map<String, Object> merged = new LinkedHashMap<>(asMap(existing));
        part.forEach((key, value) -> merged.put(key,
                value instanceof Map<?, ?> nested ? merge(cast(nested), merged.get(key)) : value));
        return merged;
    }

    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return cast(map);
        }
        Map<String, Object> members = new LinkedHashMap<>();
        if (value instanceof JsonObject object) {
            members.putAll(object);
        }
        return members;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static JsonObject toJson(Map<String, Object> members) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        members.forEach((key, value) -> builder.add(key,
                value instanceof Map<?, ?> nested ? toJson(cast(nested)) : (JsonValue) value));
        return builder.build();
    }
}

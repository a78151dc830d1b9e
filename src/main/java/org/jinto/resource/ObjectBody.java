package org.jinto.resource;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code {data, permissions}} body of a write, validated as Kinto's {@code ObjectSchema} does: a JSON object
 * with no other member, {@code data} an object (checked against the resource schema on create and replace),
 * {@code permissions} mapping permission names of the resource to lists of principals ({@code null} removes one
 * with a merge patch).
 *
 * @param data        the {@code data} member, null when absent
 * @param permissions the {@code permissions} member (values may be null), null when absent
 */
public record ObjectBody(JsonObject data, Map<String, List<String>> permissions) {

    private static final Set<String> MEMBERS = Set.of("data", "permissions");

    /** Parses the raw body as JSON; an empty body is an empty object. */
    public static JsonValue parseJson(byte[] body) {
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw new InvalidRequest()
                    .add("body", "", "Invalid JSON: " + e.getMessage())
                    .add("body", "", "Required")
                    .exception(400);
        }
    }

    /**
     * Validates a parsed body.
     *
     * @param type       the resource type (its permission names, and its schema when {@code fullData})
     * @param fullData   true for create and replace (the resource schema applies), false for a merge
     */
    public static ObjectBody of(JsonValue body, ResourceType type, boolean fullData) {
        InvalidRequest errors = new InvalidRequest();
        if (!(body instanceof JsonObject object)) {
            throw errors.add("body", "", notMapping(body)).exception(400);
        }
        Map<String, JsonValue> unknown = new LinkedHashMap<>(object);
        unknown.keySet().removeAll(MEMBERS);
        if (!unknown.isEmpty()) {
            errors.add("body", "", "Unrecognized keys in mapping: \"" + PyRepr.repr(Json.createObjectBuilder(unknown).build()) + "\"");
        }
        JsonObject data = null;
        JsonValue rawData = object.get("data");
        if (rawData != null) {
            if (rawData instanceof JsonObject dataObject) {
                data = fullData ? type.validate(dataObject, "data.", errors) : dataObject;
            } else {
                errors.add("body", "data", notMapping(rawData));
            }
        } else if (fullData && !acceptsEmpty(type)) {
            errors.add("body", "data", "Required");
        }
        Map<String, List<String>> permissions = object.containsKey("permissions")
                ? permissions(object.get("permissions"), type.permissions(), errors) : null;
        errors.throwIfAny();
        return new ObjectBody(data, permissions);
    }

    /** Data may be omitted only when the resource schema accepts an empty object (Kinto's ObjectSchema). */
    private static boolean acceptsEmpty(ResourceType type) {
        InvalidRequest errors = new InvalidRequest();
        type.validate(JsonValue.EMPTY_JSON_OBJECT, "data.", errors);
        return errors.isEmpty();
    }

    private static Map<String, List<String>> permissions(JsonValue value, List<String> known, InvalidRequest errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add("body", "permissions", notMapping(value));
            return null;
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        object.forEach((name, principals) -> {
            if (!known.contains(name)) {
                errors.add("body", "permissions", "\"" + name + "\" is not one of " + String.join(", ", known));
            } else if (principals.getValueType() == JsonValue.ValueType.NULL) {
                result.put(name, null);
            } else {
                List<String> list = principals(principals, "permissions." + name, errors);
                if (list != null) {
                    result.put(name, list);
                }
            }
        });
        return result;
    }

    /** A list of strings, as colander's {@code Sequence(String())}; null (and an error) otherwise. */
    public static List<String> principals(JsonValue value, String name, InvalidRequest errors) {
        if (!(value instanceof JsonArray array)) {
            errors.add("body", name, "\"" + PyRepr.str(value) + "\" is not iterable");
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item instanceof JsonString s && !s.getString().isEmpty()) {
                result.add(s.getString());
            } else if (item instanceof JsonString || item.getValueType() == JsonValue.ValueType.NULL) {
                errors.add("body", name + "." + i, "Required");
            } else {
                errors.add("body", name + "." + i, "\"" + PyRepr.str(item) + "\" is not a string");
            }
        }
        return result;
    }

    static String notMapping(JsonValue value) {
        return "\"" + PyRepr.str(value) + "\" is not a mapping type: Does not implement dict-like functionality.";
    }
}

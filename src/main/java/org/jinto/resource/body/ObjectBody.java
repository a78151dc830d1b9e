package org.jinto.resource.body;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.errors.Python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code {"data": {...}, "permissions": {...}}} body of Kinto's object requests, checked as Kinto's
 * {@code ObjectSchema} and {@code PermissionsSchema} check it (same errors, same order, same names).
 *
 * @param data        the {@code data} object, or null when absent
 * @param permissions permission name to principals, in body order, or null when absent; a permission mapped to
 *                    null was given as JSON null (with merge-patch: remove it)
 */
public record ObjectBody(JsonObject data, Map<String, List<String>> permissions) {

    /**
     * @param body            the whole request body (see {@link JsonBodyReader})
     * @param permissionNames the permissions this resource accepts, e.g. {@code read, write} for records
     * @throws org.jinto.api.http.KintoException 400 errno 107 describing every problem
     */
    public static ObjectBody of(JsonValue body, List<String> permissionNames) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidParameters.of("body", "", ColanderMessages.notAMapping(body));
        }
        JsonObject object = body.asJsonObject();
        JsonObjectBuilder extras = JSON.createObjectBuilder();
        object.forEach((key, value) -> {
            if (!key.equals("data") && !key.equals("permissions")) {
                extras.add(key, value);
            }
        });
        JsonObject unknown = extras.build();
        if (!unknown.isEmpty()) {
            throw InvalidParameters.of("body", "", ColanderMessages.unrecognizedKeys(unknown));
        }
        List<ErrorDetail> errors = new ArrayList<>();
        JsonObject data = null;
        JsonValue dataValue = object.get("data");
        if (dataValue != null) {
            if (dataValue.getValueType() == JsonValue.ValueType.OBJECT) {
                data = dataValue.asJsonObject();
            } else {
                errors.add(ErrorDetail.of("body", "data", ColanderMessages.notAMapping(dataValue)));
            }
        }
        JsonValue permissionsValue = object.get("permissions");
        Map<String, List<String>> permissions = permissionsValue == null ? null
                : permissions(permissionsValue, permissionNames, errors);
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        return new ObjectBody(data, permissions);
    }

    /** Kinto's PATCH refuses a body with neither {@code data} nor {@code permissions}. */
    public ObjectBody requireDataOrPermissions() {
        if (data == null && permissions == null) {
            throw InvalidParameters.of("body", "data", "Provide at least one of data or permissions");
        }
        return this;
    }

    private static Map<String, List<String>> permissions(JsonValue value, List<String> names,
                                                         List<ErrorDetail> errors) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(ErrorDetail.of("body", "permissions", ColanderMessages.notAMapping(value)));
            return null;
        }
        JsonObject given = value.asJsonObject();
        for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
            if (entry.getValue() != JsonValue.NULL && !names.contains(entry.getKey())) {
                errors.add(ErrorDetail.of("body", "permissions",
                        ColanderMessages.notOneOf(entry.getKey(), names)));
                return null;
            }
        }
        // Errors come in the order of the resource's permission names, as colander visits its children.
        for (String name : names) {
            JsonValue principals = given.get(name);
            if (principals != null && principals != JsonValue.NULL) {
                checkPrincipals(name, principals, errors);
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        given.forEach((name, principals) -> result.put(name, principals == JsonValue.NULL ? null
                : principals instanceof JsonArray array ? strings(array) : List.of()));
        return Collections.unmodifiableMap(result);
    }

    private static void checkPrincipals(String name, JsonValue principals, List<ErrorDetail> errors) {
        String field = "permissions." + name;
        if (!(principals instanceof JsonArray array)) {
            errors.add(ErrorDetail.of("body", field, ColanderMessages.notIterable(principals)));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue principal = array.get(i);
            String item = field + "." + i;
            if (!Python.truthy(principal)) {
                errors.add(ErrorDetail.of("body", item, ColanderMessages.REQUIRED));
            } else if (!(principal instanceof JsonString)) {
                errors.add(ErrorDetail.of("body", item, ColanderMessages.notAString(principal, "")));
            }
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString()).toList();
    }
}

package org.jinto.resource;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.stream.Collectors;

/**
 * JSON values written the way Python prints them ({@code [1, 'a']}, {@code {'k': True}}), because Kinto's
 * validation messages interpolate the offending value with Python's {@code str()}.
 */
final class PyRepr {

    private PyRepr() {
    }

    /** Python's {@code str(value)}: a top-level string is shown without quotes. */
    static String str(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : repr(value);
    }

    static String repr(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "None";
            case TRUE -> "True";
            case FALSE -> "False";
            case NUMBER -> ((JsonNumber) value).toString();
            case STRING -> "'" + ((JsonString) value).getString().replace("\\", "\\\\").replace("'", "\\'") + "'";
            case ARRAY -> ((JsonArray) value).stream().map(PyRepr::repr).collect(Collectors.joining(", ", "[", "]"));
            case OBJECT -> ((JsonObject) value).entrySet().stream()
                    .map(e -> repr(jakarta.json.Json.createValue(e.getKey())) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        };
    }
}

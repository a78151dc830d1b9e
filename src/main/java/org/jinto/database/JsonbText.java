package org.jinto.database;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.json.JsonFloat;

import java.util.Map;

/**
 * The text of a JSON value as bound to a {@code jsonb} parameter. PostgreSQL's numeric keeps the scale it is
 * written with but turns exponents into digits ({@code 1e+23} comes back as the integer
 * {@code 100000000000000000000000}), so a float is written as its decimal with at least one fractional digit
 * ({@code 100000000000000000000000.0}) and read back as a float. The sign of {@code -0.0} is lost: numeric has no
 * negative zero.
 */
final class JsonbText {

    private JsonbText() {
    }

    static String of(JsonValue value) {
        return hasFloat(value) ? decimals(value).toString() : value.toString();
    }

    private static boolean hasFloat(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> value instanceof JsonFloat;
            case OBJECT -> ((JsonObject) value).values().stream().anyMatch(JsonbText::hasFloat);
            case ARRAY -> ((JsonArray) value).stream().anyMatch(JsonbText::hasFloat);
            default -> false;
        };
    }

    private static JsonValue decimals(JsonValue value) {
        switch (value.getValueType()) {
            case NUMBER -> {
                return value instanceof JsonFloat number ? JSON.createValue(number.bigDecimalValue()) : value;
            }
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    object.add(member.getKey(), decimals(member.getValue()));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                value.asJsonArray().forEach(item -> array.add(decimals(item)));
                return array.build();
            }
            default -> {
                return value;
            }
        }
    }
}

package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonValue;
import org.jinto.resource.body.RapidJson;

/**
 * Kinto's {@code native_value}: a query string value is read as JSON when it is JSON ({@code 3}, {@code true},
 * {@code "quoted"}, {@code [1,2]}), else kept as the string itself.
 */
final class NativeValue {

    /** Query values are short: deeper nesting than this is kept as a plain string. */
    private static final int MAX_DEPTH = 32;

    private NativeValue() {
    }

    static JsonValue of(String text) {
        try {
            return RapidJson.loads(text, MAX_DEPTH);
        } catch (RapidJson.InvalidJson notJson) {
            return JSON.createValue(text);
        }
    }

    /** A repeated parameter (a JSON array of strings) is not converted, as in Kinto. */
    static JsonValue of(JsonValue mixed) {
        return mixed.getValueType() == JsonValue.ValueType.STRING ? of(((jakarta.json.JsonString) mixed).getString())
                : mixed;
    }
}

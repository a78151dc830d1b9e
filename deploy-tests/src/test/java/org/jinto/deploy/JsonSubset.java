package org.jinto.deploy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * "The answer contains what the smoke expects": every member of an expected object must be in the actual object
 * and match; arrays must have the same length and match element by element; other values must be equal.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    /** Null when {@code actual} contains {@code expected}; otherwise the first difference, located by a JSON path. */
    static String mismatch(JsonValue expected, JsonValue actual, String path) {
        if (expected instanceof JsonObject object) {
            if (!(actual instanceof JsonObject actualObject)) {
                return path + ": expected an object, got " + actual;
            }
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                JsonValue value = actualObject.get(member.getKey());
                if (value == null) {
                    return path + "." + member.getKey() + ": missing";
                }
                String mismatch = mismatch(member.getValue(), value, path + "." + member.getKey());
                if (mismatch != null) {
                    return mismatch;
                }
            }
            return null;
        }
        if (expected instanceof JsonArray array) {
            if (!(actual instanceof JsonArray actualArray) || actualArray.size() != array.size()) {
                return path + ": expected " + array.size() + " elements, got " + actual;
            }
            for (int i = 0; i < array.size(); i++) {
                String mismatch = mismatch(array.get(i), actualArray.get(i), path + "[" + i + "]");
                if (mismatch != null) {
                    return mismatch;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + ", got " + actual;
    }
}

package org.jinto.plugins.signer;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * kinto-signer's {@code prevent_float_value}: records of signed collections hold no floats (the one area where
 * canonical JSON implementations disagree), unless {@code signer.allow_floats}.
 */
final class FloatCheck {

    private FloatCheck() {
    }

    /** @throws org.jinto.api.http.KintoException 400 naming the first float field */
    static void reject(JsonObject record) {
        scan(record, "");
    }

    private static void scan(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> scan(child, path.isEmpty() ? key : path + "." + key));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                scan(array.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i);
            }
        } else if (value instanceof JsonNumber number && !number.isIntegral()) {
            throw ReviewRules.invalid("field contains float value (tip: use integer or string), '" + path + "'");
        }
    }
}

package org.jinto.storage;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reads a dotted field path ({@code author.name}) in a JSON object, as Kinto's {@code find_nested_value}. */
public final class FieldPath {

    private FieldPath() {
    }

    /** The value at the path, or null when absent. A key containing dots is found before nested lookups. */
    public static JsonValue find(JsonObject object, String path) {
        if (object.containsKey(path)) {
            return object.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            String head = path.substring(0, dot);
            JsonValue child = object.get(head);
            if (child != null && child.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonValue found = find(child.asJsonObject(), path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }
}

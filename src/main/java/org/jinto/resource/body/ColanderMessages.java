package org.jinto.resource.body;

import jakarta.json.JsonValue;
import org.jinto.resource.errors.Python;

import java.util.List;

/** The validation messages of colander (Kinto's schema library), with values printed as Python does. */
public final class ColanderMessages {

    private ColanderMessages() {
    }

    public static String notAMapping(JsonValue value) {
        return "\"" + Python.str(value) + "\" is not a mapping type: Does not implement dict-like functionality.";
    }

    public static String notIterable(JsonValue value) {
        return "\"" + Python.str(value) + "\" is not iterable";
    }

    /** A non-string where a string is expected, inside a node named {@code nodeName}. */
    public static String notAString(JsonValue value, String nodeName) {
        return Python.str(value) + " is not a string: {" + Python.reprString(nodeName) + ": ''}";
    }

    public static String notOneOf(String value, List<String> choices) {
        return "\"" + value + "\" is not one of " + String.join(", ", choices);
    }

    public static String unrecognizedKeys(JsonValue extras) {
        return "Unrecognized keys in mapping: \"" + Python.str(extras) + "\"";
    }

    public static final String REQUIRED = "Required";
}

package org.jinto.storage;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Comparator;

/**
 * Kinto's ordering of JSON values across types, which follows PostgreSQL's JSONB order:
 * null &lt; string &lt; number &lt; boolean &lt; array &lt; object &lt; missing. A missing field is Java null.
 */
public final class JsonOrder {

    public static final Comparator<JsonValue> COMPARATOR = JsonOrder::compare;

    private JsonOrder() {
    }

    public static int rank(JsonValue value) {
        if (value == null) {
            return 6;
        }
        return switch (value.getValueType()) {
            case NULL -> 0;
            case STRING -> 1;
            case NUMBER -> 2;
            case TRUE, FALSE -> 3;
            case ARRAY -> 4;
            case OBJECT -> 5;
        };
    }

    public static int compare(JsonValue a, JsonValue b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0 || a == null) {
            return byRank;
        }
        return switch (a.getValueType()) {
            case STRING -> ((JsonString) a).getString().compareTo(((JsonString) b).getString());
            case NUMBER -> ((JsonNumber) a).bigDecimalValue().compareTo(((JsonNumber) b).bigDecimalValue());
            case TRUE, FALSE -> Boolean.compare(a == JsonValue.TRUE, b == JsonValue.TRUE);
            case NULL -> 0;
            default -> a.toString().compareTo(b.toString());
        };
    }

    /** Equality as Kinto's memory backend sees it: same type and value, numbers compared numerically. */
    public static boolean equal(JsonValue a, JsonValue b) {
        return a != null && b != null && rank(a) == rank(b) && compare(a, b) == 0;
    }
}

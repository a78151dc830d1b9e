package org.jinto.resource.errors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.json.JsonFloat;

import java.util.Map;

/**
 * Python's view of decoded JSON values: {@code str()}, {@code repr()} and truthiness. Kinto's error descriptions embed values as
 * Python prints them (colander: {@code "[1, 2]" is not a mapping type}, jsonschema: {@code 'nope' is not of type
 * 'integer'}), so matching its answers means printing values the same way.
 * <p>
 * A JSON number is a Python {@code int} when it has no fractional part written (scale 0), else a {@code float}.
 */
public final class Python {

    private Python() {
    }

    /** {@code bool(value)}: false for null, false, zero, and empty strings, arrays and objects. */
    public static boolean truthy(JsonValue value) {
        if (value == null) {
            return false;
        }
        return switch (value.getValueType()) {
            case NULL, FALSE -> false;
            case TRUE -> true;
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().signum() != 0;
            case STRING -> !((JsonString) value).getString().isEmpty();
            case ARRAY -> !value.asJsonArray().isEmpty();
            case OBJECT -> !value.asJsonObject().isEmpty();
        };
    }

    /** {@code str(value)}: strings unquoted, everything else as {@link #repr}. Java null prints as {@code None}. */
    public static String str(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return repr(value);
    }

    public static String repr(JsonValue value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            out.append("None");
        } else if (value == JsonValue.TRUE) {
            out.append("True");
        } else if (value == JsonValue.FALSE) {
            out.append("False");
        } else if (value instanceof JsonString string) {
            out.append(reprString(string.getString()));
        } else if (value instanceof JsonNumber number) {
            out.append(reprNumber(number));
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendRepr(out, array.get(i));
            }
            out.append(']');
        } else if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(reprString(member.getKey())).append(": ");
                appendRepr(out, member.getValue());
            }
            out.append('}');
        }
    }

    public static String reprNumber(JsonNumber number) {
        return number.isIntegral() ? number.bigDecimalValue().toPlainString() : JsonFloat.repr(number.doubleValue());
    }

    /** Python's {@code repr(str)}: single quotes unless the text holds one and no double quote. */
    public static String reprString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(codePoint -> {
            if (codePoint == quote || codePoint == '\\') {
                out.append('\\').appendCodePoint(codePoint);
            } else if (codePoint == '\t') {
                out.append("\\t");
            } else if (codePoint == '\n') {
                out.append("\\n");
            } else if (codePoint == '\r') {
                out.append("\\r");
            } else if (isPrintable(codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (codePoint <= 0xff) {
                out.append(String.format("\\x%02x", codePoint));
            } else if (codePoint <= 0xffff) {
                out.append(String.format("\\u%04x", codePoint));
            } else {
                out.append(String.format("\\U%08x", codePoint));
            }
        });
        return out.append(quote).toString();
    }

    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}

package org.jinto.plugins.signer;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical JSON that collections are signed over, byte for byte as Remote Settings' serializer
 * ({@code canonicaljson-rs}, the gibson042 canonical JSON spec) writes it: no whitespace, object keys sorted by code
 * point, every character outside printable ASCII escaped as lowercase {@code \\uXXXX} (surrogate pairs above the
 * BMP), integers as written and other numbers in shortest scientific form ({@code 2.31E1}).
 */
final class CanonicalJson {

    /** Strings compared as Python and Rust compare them: by code point, not by UTF-16 unit. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CanonicalJson() {
    }

    /**
     * kinto-signer's signed payload: {@code {"data": <live records sorted by id>, "last_modified": "<timestamp>"}}.
     */
    static String ofCollection(List<JsonObject> records, long lastModified) {
        StringBuilder out = new StringBuilder("{\"data\":[");
        List<JsonObject> live = records.stream().filter(r -> !r.getBoolean("deleted", false))
                .sorted(Comparator.comparing(r -> r.getString("id"), CODE_POINT_ORDER)).toList();
        for (int i = 0; i < live.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(live.get(i), out);
        }
        out.append("],\"last_modified\":");
        writeString(Long.toString(lastModified), out);
        return out.append('}').toString();
    }

    static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                out.append('{');
                boolean first = true;
                for (String key : object.keySet().stream().sorted(CODE_POINT_ORDER).toList()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(key, out);
                    out.append(':');
                    write(object.get(key), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> writeNumber((JsonNumber) value, out);
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        // UTF-16 units are exactly the \\u escapes of the spec, surrogate pairs included.
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }

    /** Integers as they are; other numbers as the shortest decimal in scientific form, {@code E} exponent. */
    private static void writeNumber(JsonNumber number, StringBuilder out) {
        if (number.isIntegral()) {
            out.append(number.bigIntegerValue());
            return;
        }
        double value = number.doubleValue();
        if (value == 0) {
            out.append("0E0");
            return;
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (decimal.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('E').append(exponent);
    }
}

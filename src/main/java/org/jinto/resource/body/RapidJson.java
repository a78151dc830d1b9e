package org.jinto.resource.body;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.json.JsonFloat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Kinto's {@code json.loads} (python-rapidjson, default modes) in one pass: the value, with Python's number types
 * (an integer stays exact, a number written with a fraction or an exponent becomes a {@link JsonFloat}), or the
 * {@code Parse error at offset N: ...} message rapidjson gives: the same grammar, the same error for each mistake,
 * and the same offset (in UTF-8 bytes). Like rapidjson reading a C string, a NUL character ends the document.
 * A general-purpose parser (Jackson, JSON-P) reports its own errors at its own offsets, so the grammar is walked
 * here once, building the JSON-P value as it goes (duplicate names: the last value wins, as in a Python dict).
 * <p>
 * Three deliberate differences, because the value must stay valid JSON for storage and replies: {@code NaN} and
 * {@code Infinity} are refused as invalid values, a decimal number beyond the range of a double is "too big" whatever
 * its notation, and nesting deeper than {@code maxDepth} is refused (Kinto fails on it with a server error).
 * Integers keep Python's limit of 4300 digits; a decimal number written with more than 4400 characters is also
 * "too big".
 */
public final class RapidJson {

    /** Python's {@code sys.get_int_max_str_digits()} default. */
    static final int MAX_INTEGER_DIGITS = 4300;
    /** Longest decimal number text accepted. */
    static final int MAX_NUMBER_LENGTH = 4400;

    private final String text;
    private final int maxDepth;
    private int index;

    private RapidJson(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** @throws InvalidJson with rapidjson's message when the text is not acceptable JSON */
    public static JsonValue loads(String text, int maxDepth) {
        return new RapidJson(text, maxDepth).document();
    }

    private JsonValue document() {
        skipWhitespace();
        if (peek() == 0) {
            throw problem(index, "The document is empty.");
        }
        JsonValue value = value(0);
        skipWhitespace();
        if (peek() != 0) {
            throw problem(index, "The document root must not be followed by other values.");
        }
        return value;
    }

    private JsonValue value(int depth) {
        return switch (peek()) {
            case 'n' -> literal("null", JsonValue.NULL);
            case 't' -> literal("true", JsonValue.TRUE);
            case 'f' -> literal("false", JsonValue.FALSE);
            case '"' -> JSON.createValue(string());
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            default -> number();
        };
    }

    private JsonValue object(int depth) {
        checkDepth(depth);
        index++;
        skipWhitespace();
        JsonObjectBuilder object = JSON.createObjectBuilder();
        if (consume('}')) {
            return object.build();
        }
        while (true) {
            if (peek() != '"') {
                throw problem(index, "Missing a name for object member.");
            }
            String name = string();
            skipWhitespace();
            if (!consume(':')) {
                throw problem(index, "Missing a colon after a name of object member.");
            }
            skipWhitespace();
            object.add(name, value(depth));
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                index++;
                skipWhitespace();
            } else if (next == '}') {
                index++;
                return object.build();
            } else {
                throw problem(index, "Missing a comma or '}' after an object member.");
            }
        }
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        index++;
        skipWhitespace();
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (consume(']')) {
            return array.build();
        }
        while (true) {
            array.add(value(depth));
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
            } else if (consume(']')) {
                return array.build();
            } else {
                throw problem(index, "Missing a comma or ']' after an array element.");
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw problem(index, "Nesting deeper than " + maxDepth + " levels.");
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        index++;
        for (int i = 1; i < word.length(); i++) {
            if (!consume(word.charAt(i))) {
                throw problem(index, "Invalid value.");
            }
        }
        return value;
    }

    /** The unescaped string; the text is copied as is up to the first escape. */
    private String string() {
        index++;
        int start = index;
        StringBuilder unescaped = null;
        while (true) {
            char c = peek();
            if (c == '\\') {
                unescaped = (unescaped == null ? new StringBuilder() : unescaped).append(text, start, index);
                int escapeOffset = index;
                index++;
                char escaped = peek();
                int simple = escaped == 0 ? -1 : "\"\\/bfnrt".indexOf(escaped);
                if (simple >= 0) {
                    unescaped.append("\"\\/\b\f\n\r\t".charAt(simple));
                    index++;
                } else if (escaped == 'u') {
                    index++;
                    int codePoint = hex4(escapeOffset);
                    unescaped.append((char) codePoint);
                    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
                        if (codePoint > 0xdbff || !consume('\\') || !consume('u')) {
                            throw problem(escapeOffset, "The surrogate pair in string is invalid.");
                        }
                        int low = hex4(escapeOffset);
                        if (low < 0xdc00 || low > 0xdfff) {
                            throw problem(escapeOffset, "The surrogate pair in string is invalid.");
                        }
                        unescaped.append((char) low);
                    }
                } else {
                    throw problem(escapeOffset, "Invalid escape character in string.");
                }
                start = index;
            } else if (c == '"') {
                String value = unescaped == null ? text.substring(start, index)
                        : unescaped.append(text, start, index).toString();
                index++;
                return value;
            } else if (c < 0x20) {
                throw problem(index, c == 0 ? "Missing a closing quotation mark in string."
                        : "Invalid encoding in string.");
            } else {
                index++;
            }
        }
    }

    private int hex4(int escapeOffset) {
        int codePoint = 0;
        for (int i = 0; i < 4; i++) {
            char c = peek();
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                throw problem(escapeOffset, "Incorrect hex digit after \\u escape in string.");
            }
            codePoint = codePoint * 16 + digit;
            index++;
        }
        return codePoint;
    }

    private JsonValue number() {
        int start = index;
        consume('-');
        int integerStart = index;
        if (peek() == '0') {
            index++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw problem(index, "Invalid value.");
        }
        int integerDigits = index - integerStart;
        boolean decimal = false;
        if (consume('.')) {
            decimal = true;
            if (!isDigit(peek())) {
                throw problem(index, "Miss fraction part in number.");
            }
            skipDigits();
        }
        if (consume('e') || consume('E')) {
            decimal = true;
            if (!consume('+')) {
                consume('-');
            }
            if (!isDigit(peek())) {
                throw problem(index, "Miss exponent in number.");
            }
            skipDigits();
        }
        if (decimal) {
            double value = index - start > MAX_NUMBER_LENGTH ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(text.substring(start, index));
            if (Double.isInfinite(value)) {
                throw problem(start, "Number too big to be stored in double.");
            }
            return new JsonFloat(value);
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidJson("Python parse error at offset " + byteOffset(index)
                    + ": Exceeds the limit (" + MAX_INTEGER_DIGITS + " digits) for integer string conversion: "
                    + "value has " + integerDigits + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        return integer(text.substring(start, index));
    }

    /** The smallest JSON-P number that holds the integer exactly (int, long, then BigInteger). */
    private static JsonValue integer(String digits) {
        if (digits.length() <= 18) {
            long value = Long.parseLong(digits);
            return value == (int) value ? JSON.createValue((int) value) : JSON.createValue(value);
        }
        BigInteger value = new BigInteger(digits);
        return value.bitLength() < Long.SIZE ? JSON.createValue(value.longValue()) : JSON.createValue(value);
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        char c = peek();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            index++;
            c = peek();
        }
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            index++;
            return true;
        }
        return false;
    }

    /** The current character, or NUL at the end (rapidjson's {@code Peek()} on a C string). */
    private char peek() {
        return index < text.length() ? text.charAt(index) : 0;
    }

    private InvalidJson problem(int at, String message) {
        return new InvalidJson("Parse error at offset " + byteOffset(at) + ": " + message);
    }

    private long byteOffset(int at) {
        return text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text is not JSON as Kinto reads it; the message is python-rapidjson's. */
    public static final class InvalidJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message, null, false, false);
        }
    }
}

package org.jinto.resource.body;

import java.nio.charset.StandardCharsets;

/**
 * Checks JSON text the way Kinto's parser (python-rapidjson, default modes) reads it, so that a malformed body gets
 * the same {@code Parse error at offset N: ...} message: the same grammar, the same error for each mistake, and the
 * same offset (in UTF-8 bytes). Like rapidjson reading a C string, a NUL character ends the document.
 * <p>
 * Three deliberate differences, because the value must stay valid JSON for storage and replies: {@code NaN} and
 * {@code Infinity} are refused as invalid values, a decimal number beyond the range of a double is "too big" whatever
 * its notation, and nesting deeper than {@code maxDepth} is refused (Kinto fails on it with a server error).
 * Integers keep Python's limit of 4300 digits; a decimal number written with more than 4400 characters is also
 * "too big".
 */
final class RapidJsonSyntax {

    /** Python's {@code sys.get_int_max_str_digits()} default. */
    static final int MAX_INTEGER_DIGITS = 4300;
    /** Longest number text accepted (the JSON-P reader is configured to read numbers this long). */
    static final int MAX_NUMBER_LENGTH = 4400;

    private final String text;
    private final int maxDepth;
    private int index;

    private RapidJsonSyntax(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /**
     * @return the length of the document in {@code text} (up to a NUL character, if any)
     * @throws SyntaxProblem with rapidjson's message when the text is not acceptable JSON
     */
    static int check(String text, int maxDepth) {
        RapidJsonSyntax syntax = new RapidJsonSyntax(text, maxDepth);
        syntax.document();
        return syntax.index;
    }

    private void document() {
        skipWhitespace();
        if (peek() == 0) {
            throw problem(index, "The document is empty.");
        }
        value(0);
        skipWhitespace();
        if (peek() != 0) {
            throw problem(index, "The document root must not be followed by other values.");
        }
    }

    private void value(int depth) {
        switch (peek()) {
            case 'n' -> literal("null");
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case '"' -> string();
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            default -> number();
        }
    }

    private void object(int depth) {
        checkDepth(depth);
        index++;
        skipWhitespace();
        if (consume('}')) {
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw problem(index, "Missing a name for object member.");
            }
            string();
            skipWhitespace();
            if (!consume(':')) {
                throw problem(index, "Missing a colon after a name of object member.");
            }
            skipWhitespace();
            value(depth);
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                index++;
                skipWhitespace();
            } else if (next == '}') {
                index++;
                return;
            } else {
                throw problem(index, "Missing a comma or '}' after an object member.");
            }
        }
    }

    private void array(int depth) {
        checkDepth(depth);
        index++;
        skipWhitespace();
        if (consume(']')) {
            return;
        }
        while (true) {
            value(depth);
            skipWhitespace();
            if (consume(',')) {
                skipWhitespace();
            } else if (consume(']')) {
                return;
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

    private void literal(String word) {
        index++;
        for (int i = 1; i < word.length(); i++) {
            if (!consume(word.charAt(i))) {
                throw problem(index, "Invalid value.");
            }
        }
    }

    private void string() {
        index++;
        while (true) {
            char c = peek();
            if (c == '\\') {
                int escapeOffset = index;
                index++;
                char escaped = peek();
                if ("\"\\/bfnrt".indexOf(escaped) >= 0 && escaped != 0) {
                    index++;
                } else if (escaped == 'u') {
                    index++;
                    int codePoint = hex4(escapeOffset);
                    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
                        if (codePoint > 0xdbff || !consume('\\') || !consume('u')) {
                            throw problem(escapeOffset, "The surrogate pair in string is invalid.");
                        }
                        int low = hex4(escapeOffset);
                        if (low < 0xdc00 || low > 0xdfff) {
                            throw problem(escapeOffset, "The surrogate pair in string is invalid.");
                        }
                    }
                } else {
                    throw problem(escapeOffset, "Invalid escape character in string.");
                }
            } else if (c == '"') {
                index++;
                return;
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

    private void number() {
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
            if (index - start > MAX_NUMBER_LENGTH
                    || Double.isInfinite(Double.parseDouble(text.substring(start, index)))) {
                throw problem(start, "Number too big to be stored in double.");
            }
        } else if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new SyntaxProblem("Python parse error at offset " + byteOffset(index)
                    + ": Exceeds the limit (" + MAX_INTEGER_DIGITS + " digits) for integer string conversion: "
                    + "value has " + integerDigits + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
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

    private SyntaxProblem problem(int at, String message) {
        return new SyntaxProblem("Parse error at offset " + byteOffset(at) + ": " + message);
    }

    private long byteOffset(int at) {
        return text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text is not acceptable JSON; the message is python-rapidjson's. */
    static final class SyntaxProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxProblem(String message) {
            super(message, null, false, false);
        }
    }
}

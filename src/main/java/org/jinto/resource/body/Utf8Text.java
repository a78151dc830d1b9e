package org.jinto.resource.body;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that reports a malformed byte sequence with CPython's {@code UnicodeDecodeError} text, which
 * Kinto shows after "Invalid JSON: " (its body is {@code body.decode(charset)} before parsing).
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The decoded text. @throws MalformedText with CPython's message when {@code bytes} is not UTF-8 */
    static String decode(byte[] bytes) {
        int position = 0;
        while (position < bytes.length) {
            int lead = bytes[position] & 0xff;
            if (lead < 0x80) {
                position++;
                continue;
            }
            int needed;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                needed = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                needed = 2;
                secondMin = lead == 0xe0 ? 0xa0 : 0x80;
                secondMax = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                needed = 3;
                secondMin = lead == 0xf0 ? 0x90 : 0x80;
                secondMax = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                throw error(bytes, position, position + 1, "invalid start byte");
            }
            for (int i = 1; i <= needed; i++) {
                if (position + i >= bytes.length) {
                    throw error(bytes, position, bytes.length, "unexpected end of data");
                }
                int next = bytes[position + i] & 0xff;
                int min = i == 1 ? secondMin : 0x80;
                int max = i == 1 ? secondMax : 0xbf;
                if (next < min || next > max) {
                    throw error(bytes, position, position + i, "invalid continuation byte");
                }
            }
            position += needed + 1;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static MalformedText error(byte[] bytes, int start, int end, String reason) {
        String where = end - start == 1
                ? String.format("byte 0x%02x in position %d", bytes[start] & 0xff, start)
                : String.format("bytes in position %d-%d", start, end - 1);
        return new MalformedText("'utf-8' codec can't decode " + where + ": " + reason);
    }

    /** The body bytes do not decode in the declared charset; the message is Python's. */
    static final class MalformedText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedText(String message) {
            super(message, null, false, false);
        }
    }
}

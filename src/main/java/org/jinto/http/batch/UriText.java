package org.jinto.http.batch;

import java.nio.charset.StandardCharsets;

/** Makes a path given in a batch usable as a request URI: characters a URI cannot hold are percent-escaped. */
final class UriText {

    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?%";

    private UriText() {
    }

    /** Escapes what is neither an unreserved nor a reserved URI character; existing escapes are kept. */
    static String escapeUnsafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ALLOWED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}

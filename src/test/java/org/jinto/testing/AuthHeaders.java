package org.jinto.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authorization header values for tests. */
public final class AuthHeaders {

    private AuthHeaders() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

package org.jinto.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** Account password hashing with bcrypt, in the {@code $2b$} form Kinto's accounts plugin stores. */
public final class Passwords {

    private static final int COST = 12;

    private Passwords() {
    }

    public static String hash(String password) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(COST, bytes(password)), StandardCharsets.UTF_8);
    }

    /** True if {@code password} matches a stored bcrypt hash ($2a$, $2b$ or $2y$); false for a malformed hash. */
    public static boolean verify(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(bytes(password), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}

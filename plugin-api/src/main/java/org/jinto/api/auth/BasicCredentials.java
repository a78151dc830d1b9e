package org.jinto.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an {@code Authorization: Basic ...} header. */
public record BasicCredentials(String user, String password) {

    /** Empty when the header is absent, not Basic, not base64, or has no colon. */
    public static Optional<BasicCredentials> parse(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String[] parts = authorizationHeader.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}

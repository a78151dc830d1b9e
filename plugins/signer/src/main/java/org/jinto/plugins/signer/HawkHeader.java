package org.jinto.plugins.signer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Authorization: Hawk ...} header of a request (Hawk 1.1 with SHA-256 and payload hash), as
 * requests-hawk sends it to Autograph.
 */
final class HawkHeader {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HawkHeader() {
    }

    static String of(String id, String key, String method, URI uri, String contentType, byte[] payload) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[6];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String hash = payloadHash(contentType, payload);
        String mac = mac(key, timestamp, nonce, method, uri, hash);
        return "Hawk id=\"" + id + "\", ts=\"" + timestamp + "\", nonce=\"" + nonce + "\", hash=\"" + hash
                + "\", mac=\"" + mac + "\"";
    }

    /** Hawk's payload hash: SHA-256 of {@code hawk.1.payload}, the bare content type and the body. */
    static String payloadHash(String contentType, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("hawk.1.payload\n" + contentType.split(";")[0].strip().toLowerCase() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(payload);
            sha.update((byte) '\n');
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hawk's request MAC: HMAC-SHA-256 over the normalized header string. */
    static String mac(String key, String timestamp, String nonce, String method, URI uri, String hash) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String resource = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String normalized = "hawk.1.header\n" + timestamp + "\n" + nonce + "\n" + method.toUpperCase() + "\n"
                + resource + "\n" + uri.getHost().toLowerCase() + "\n" + port + "\n" + hash + "\n\n";
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

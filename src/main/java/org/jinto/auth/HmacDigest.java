package org.jinto.auth;

import org.jinto.api.Settings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Kinto's {@code hmac_digest}: hex HMAC-SHA256 of a UTF-8 message under a UTF-8 secret. */
public final class HmacDigest {

    private static final int SHA256_BLOCK_BYTES = 64;
    private static final String ALGORITHM = "HmacSHA256";
    /** One Mac per thread, re-keyed per use: looking the algorithm up was a visible share of every request. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    });

    private HmacDigest() {
    }

    /** {@code kinto.userid_hmac_secret}: the secret behind basicauth user ids, account cache keys, default buckets. */
    public static String userIdSecret(Settings settings) {
        return settings.get("kinto.userid_hmac_secret", "");
    }

    public static String hex(String secret, String message) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length == 0) {
            // HMAC pads short keys with zeros to the block size, so the empty key Python accepts is a block of
            // zeros; the JDK refuses an empty key spec.
            key = new byte[SHA256_BLOCK_BYTES];
        }
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " refused its key", e);
        }
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}

package org.jinto.plugins.ldap;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonString;
import org.jinto.api.cache.Cache;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directory's answers for {@code ldap.cache_ttl_seconds}, in Kinto's cache as kinto-ldap keeps them: keyed by
 * an HMAC-SHA256 of "login:password", never the password; a refusal is remembered too. The HMAC key is drawn per
 * process, so a cache dump cannot be tested against guessed passwords.
 */
final class VerifiedCredentials {

    private static final String REFUSED = "0";

    private final Cache cache;
    private final long ttlSeconds;
    private final SecretKey key;

    VerifiedCredentials(Cache cache, long ttlSeconds) {
        this.cache = cache;
        this.ttlSeconds = ttlSeconds;
        try {
            this.key = KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The remembered answer, empty when there is none. */
    Optional<DirectoryAnswer> get(String login, String password) {
        if (ttlSeconds == 0) {
            return Optional.empty();
        }
        String value = cache.get(key(login, password));
        if (value == null) {
            return Optional.empty();
        }
        if (value.equals(REFUSED)) {
            return Optional.of(DirectoryAnswer.REFUSED);
        }
        Set<String> groups = new TreeSet<>();
        try (var reader = JSON.createReader(new StringReader(value))) {
            reader.readArray().getValuesAs(JsonString.class).forEach(g -> groups.add(g.getString()));
        }
        return Optional.of(new DirectoryAnswer(true, groups));
    }

    void put(String login, String password, DirectoryAnswer answer) {
        if (ttlSeconds == 0) {
            return;
        }
        cache.set(key(login, password),
                answer.verified() ? JSON.createArrayBuilder(answer.groups()).build().toString() : REFUSED, ttlSeconds);
    }

    private String key(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((login + ":" + password).getBytes(StandardCharsets.UTF_8));
            return "ldap:credentials:" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.auth.AuthenticationPolicy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Kinto's {@code basicauth}: any user and password is accepted; the user id is
 * {@code basicauth:} + hex HMAC-SHA256({@code kinto.userid_hmac_secret}, "user:password"), as Kinto computes it.
 */
@ApplicationScoped
@BackendName("basicauth")
public class BasicAuthPolicy implements AuthenticationPolicy {

    @Inject
    Settings settings;

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return BasicCredentials.parse(authorizationHeader)
                .filter(c -> !c.user().isEmpty())
                .map(c -> "basicauth:" + hmacHex(settings.get("kinto.userid_hmac_secret", ""), c.user() + ":" + c.password()));
    }

    @Override
    public String challenge() {
        return "Basic realm=\"Realm\"";
    }

    public static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

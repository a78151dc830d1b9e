package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.auth.BasicCredentials;

import java.util.Optional;

/**
 * Kinto's {@code basicauth}: any user and password is accepted; the user id is
 * {@code basicauth:} + hex HMAC-SHA256({@code kinto.userid_hmac_secret}, "user:password"), as Kinto computes it.
 */
@ApplicationScoped
@BackendName(BasicAuthPolicy.NAME)
public class BasicAuthPolicy implements AuthenticationPolicy {

    public static final String NAME = "basicauth";

    @Inject
    Settings settings;

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return BasicCredentials.parse(authorizationHeader)
                .filter(c -> !c.user().isEmpty())
                .map(c -> NAME + ":" + HmacDigest.hex(HmacDigest.userIdSecret(settings), c.user() + ":" + c.password()));
    }

    @Override
    public String challenge() {
        return "Basic realm=\"Realm\"";
    }
}

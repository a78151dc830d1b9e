package org.jinto.plugins.openid;

import org.jinto.api.auth.Authenticated;
import org.jinto.api.auth.AuthenticationPolicy;

import java.util.Locale;
import java.util.Optional;

/**
 * Kinto's {@code OpenIDConnectPolicy} under one name of {@code multiauth.policies}: an
 * {@code Authorization: <header_type> <access token>} header verified by the provider; the user id is
 * {@code <name>:<userid_field claim>}.
 */
final class OpenIdPolicy implements AuthenticationPolicy {

    private final Provider provider;

    OpenIdPolicy(Provider provider) {
        this.provider = provider;
    }

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return identify(authorizationHeader).map(Authenticated::userId);
    }

    @Override
    public Optional<Authenticated> identify(String authorizationHeader) {
        String[] parts = authorizationHeader.strip().split(" ", 2);
        String headerType = provider.settings().headerType();
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals(headerType.toLowerCase(Locale.ROOT))
                || parts[1].isBlank()) {
            return Optional.empty();
        }
        return provider.identify(parts[1].strip());
    }

    @Override
    public String challenge() {
        return provider.settings().headerType() + " realm=\"Realm\"";
    }
}

package org.jinto.api.auth;

import java.util.Optional;

/**
 * One authentication policy of {@code multiauth.policies} (Kinto's pyramid_multiauth). Implementations are CDI
 * beans qualified with {@link org.jinto.api.BackendName} giving the policy name used in the settings
 * ({@code basicauth}, {@code account}); a plugin can add one (OpenID Connect, LDAP) the same way.
 */
public interface AuthenticationPolicy {

    /**
     * The user id this policy recognises in the request's {@code Authorization} header, already prefixed as Kinto
     * does ({@code account:alice}, {@code basicauth:<hmac>}), or empty when the header is absent, not for this
     * policy, or the credentials are wrong — the next policy is then tried.
     */
    Optional<String> authenticate(String authorizationHeader);

    /**
     * As {@link #authenticate}, with the extra principals the policy grants (none by default). The server calls
     * this one; a policy that knows groups overrides it.
     */
    default Optional<Authenticated> identify(String authorizationHeader) {
        return authenticate(authorizationHeader).map(Authenticated::of);
    }

    /** The {@code WWW-Authenticate} challenge this policy sends with a 401, e.g. {@code Basic realm="Realm"}. */
    String challenge();
}

package org.jinto.plugins.openid;

import org.jinto.api.Settings;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One OpenID Connect provider's settings, {@code multiauth.policy.<name>.*} as Kinto's {@code OpenIDConnectPolicy}
 * reads them (with its defaults), plus Jinto's own: accepted audiences and a claim of groups for locally validated
 * JWT access tokens, the JWKS refresh limit and the provider's HTTP timeout.
 *
 * @param name                  the policy name: user id prefix and {@code /openid/<name>/} endpoints
 * @param issuer                {@code issuer}: discovery at {@code <issuer>/.well-known/openid-configuration}
 * @param clientId              {@code client_id}
 * @param clientSecret          {@code client_secret}: only sent to the token endpoint, never shown
 * @param userIdField           {@code userid_field} (default {@code sub}): the claim giving the user id
 * @param headerType            {@code header_type} (default {@code Bearer}): the {@code Authorization} scheme
 * @param verificationTtl       {@code verification_ttl_seconds} (default 86400): how long a userinfo answer is cached
 * @param stateTtl              {@code state_ttl_seconds} (default 3600): how long a login may take
 * @param stateLength           {@code state_length} (default 32): random bytes of the login state
 * @param validateJwt           {@code jwt_validation} (default true): JWT access tokens checked locally against the
 *                              JWKS; false: every token goes to the userinfo endpoint, as Kinto does
 * @param audiences             {@code audience} (default the client id): a JWT must name one of these in {@code aud}
 * @param groupsClaim           {@code groups_claim} (unset: none): a claim (dotted path into objects, e.g.
 *                              {@code realm_access.roles}) whose strings become principals
 * @param groupPrincipal        {@code groups_principal} (default {@code <name>:group:{group}}): a group's principal
 * @param jwksRateLimitSeconds  {@code jwks_refresh_limit_seconds} (default 30): the least time between two JWKS
 *                              downloads caused by unknown keys (0: no limit)
 * @param timeoutSeconds        {@code timeout_seconds} (default 10): connect and answer timeout towards the provider
 */
record ProviderSettings(String name, String issuer, String clientId, String clientSecret, String userIdField,
                        String headerType, long verificationTtl, long stateTtl, int stateLength, boolean validateJwt,
                        List<String> audiences, Optional<String> groupsClaim, String groupPrincipal,
                        long jwksRateLimitSeconds, long timeoutSeconds) {

    static final String GROUP = "{group}";

    static ProviderSettings of(String name, Settings settings) {
        String prefix = prefix(name);
        String issuer = required(settings, prefix, "issuer");
        URI issuerUri = URI.create(issuer);
        if (issuerUri.getScheme() == null || issuerUri.getHost() == null) {
            throw new IllegalStateException(prefix + "issuer must be an http(s) URL, got: '" + issuer + "'");
        }
        List<String> audiences = settings.getList(prefix + "audience");
        String clientId = required(settings, prefix, "client_id");
        return new ProviderSettings(name, issuer, clientId, settings.get(prefix + "client_secret", ""),
                settings.get(prefix + "userid_field", "sub"), settings.get(prefix + "header_type", "Bearer"),
                positive(settings, prefix + "verification_ttl_seconds", 86400),
                positive(settings, prefix + "state_ttl_seconds", 3600),
                (int) positive(settings, prefix + "state_length", 32),
                settings.getBoolean(prefix + "jwt_validation", true),
                audiences.isEmpty() ? List.of(clientId) : audiences,
                settings.get(prefix + "groups_claim").filter(c -> !c.isBlank()),
                settings.get(prefix + "groups_principal", name + ":group:" + GROUP),
                settings.getLong(prefix + "jwks_refresh_limit_seconds", 30),
                positive(settings, prefix + "timeout_seconds", 10));
    }

    static String prefix(String name) {
        return "multiauth.policy." + name + ".";
    }

    /**
     * The fixed start of the group principals ({@code google:group:}): a user id starting so would pass for a
     * group, and is refused.
     */
    String groupPrincipalPrefix() {
        int placeholder = groupPrincipal.indexOf('{');
        return placeholder < 0 ? groupPrincipal : groupPrincipal.substring(0, placeholder);
    }

    private static String required(Settings settings, String prefix, String key) {
        return settings.get(prefix + key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException(prefix + key + " is required"));
    }

    private static long positive(Settings settings, String key, long defaultValue) {
        long value = settings.getLong(key, defaultValue);
        if (value <= 0) {
            throw new IllegalStateException(key + " must be positive, got: " + value);
        }
        return value;
    }
}

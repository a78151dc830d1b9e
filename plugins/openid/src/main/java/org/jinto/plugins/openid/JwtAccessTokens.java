package org.jinto.plugins.openid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jinto.api.storage.BackendException;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * JWT access tokens checked without asking the provider (Nimbus JOSE+JWT): signed by a key of the provider's JWKS
 * with an asymmetric algorithm (never {@code none}, never an HMAC keyed with public material), issued by the
 * provider, for one of the accepted audiences, not expired. The JWKS is cached and downloaded again when a token
 * names a key it lacks (key rotation), at most once per {@code jwks_refresh_limit_seconds}.
 */
final class JwtAccessTokens {

    /** What a token turned out to be. */
    sealed interface Outcome {
        /** Not a signed JWT (an opaque or encrypted token): the userinfo endpoint decides. */
        record Opaque() implements Outcome {
        }

        /** Refused: another issuer's, bad signature, expired, wrong audience, unsigned. */
        record Refused() implements Outcome {
        }

        record Valid(Map<String, Object> claims) implements Outcome {
        }
    }

    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    JwtAccessTokens(ProviderMetadata metadata, ProviderSettings settings) {
        this.issuer = metadata.issuer();
        int timeoutMillis = (int) settings.timeoutSeconds() * 1000;
        JWKSource<SecurityContext> keys;
        try {
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(URI.create(metadata.jwksUri()).toURL(),
                    new DefaultResourceRetriever(timeoutMillis, timeoutMillis,
                            JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT));
            keys = (settings.jwksRateLimitSeconds() > 0
                    ? builder.rateLimited(settings.jwksRateLimitSeconds() * 1000) : builder.rateLimited(false))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new BackendException("OpenID provider " + settings.name() + ": bad jwks_uri " + metadata.jwksUri(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                new HashSet<>(JWSAlgorithm.Family.SIGNATURE), keys));
        // Access tokens are typed JWT, at+jwt (RFC 9068) or not at all.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.copyOf(settings.audiences()),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"), null));
    }

    Outcome check(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return new Outcome.Opaque();
        }
        if (jwt instanceof PlainJWT) {
            // alg: none is never accepted, whoever claims to have issued it.
            return new Outcome.Refused();
        }
        if (!(jwt instanceof SignedJWT)) {
            return new Outcome.Opaque();
        }
        if (!issuedHere(jwt)) {
            // Another provider's token: neither its keys fetched nor the token sent to this provider.
            return new Outcome.Refused();
        }
        try {
            return new Outcome.Valid(processor.process(jwt, null).toJSONObject());
        } catch (RateLimitReachedException e) {
            // An unknown key again within the refresh limit: refused without asking the provider.
            return new Outcome.Refused();
        } catch (KeySourceException e) {
            throw new BackendException("OpenID provider keys unavailable: " + e.getMessage(), null);
        } catch (BadJOSEException | JOSEException e) {
            return new Outcome.Refused();
        }
    }

    private boolean issuedHere(JWT jwt) {
        try {
            return issuer.equals(jwt.getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }
}

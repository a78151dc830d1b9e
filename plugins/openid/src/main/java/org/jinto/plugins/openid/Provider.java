package org.jinto.plugins.openid;

import static org.jinto.api.Jsonp.JSON;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.auth.Authenticated;
import org.jinto.api.cache.Cache;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One configured OpenID Connect provider: its discovery document (read on first use, kept once read), and the
 * verification of its access tokens. A signed JWT is checked locally ({@link JwtAccessTokens}); any other token is
 * sent to the userinfo endpoint as Kinto does, the answer cached for {@code verification_ttl_seconds} under a
 * SHA-256 of the token, never the token itself.
 */
final class Provider {

    private final ProviderSettings settings;
    private final ProviderHttp http;
    private final Cache cache;
    private ProviderMetadata metadata;
    private JwtAccessTokens jwts;

    Provider(ProviderSettings settings, Cache cache) {
        this.settings = settings;
        this.cache = cache;
        this.http = new ProviderHttp(settings.timeoutSeconds());
    }

    ProviderSettings settings() {
        return settings;
    }

    ProviderHttp http() {
        return http;
    }

    /** The discovery document; a provider that cannot be reached is a 503, asked again on the next request. */
    synchronized ProviderMetadata metadata() {
        if (metadata == null) {
            metadata = ProviderMetadata.discover(http, settings.issuer());
        }
        return metadata;
    }

    /** The discovery document if it was read, without asking the provider. */
    synchronized Optional<ProviderMetadata> knownMetadata() {
        return Optional.ofNullable(metadata);
    }

    private synchronized JwtAccessTokens jwts() {
        if (jwts == null) {
            jwts = new JwtAccessTokens(metadata(), settings);
        }
        return jwts;
    }

    /** Who the access token stands for: {@code <name>:<userid_field>} and the groups of {@code groups_claim}. */
    Optional<Authenticated> identify(String accessToken) {
        return profile(accessToken).flatMap(profile -> userId(profile).map(id -> new Authenticated(
                settings.name() + ":" + id, groups(profile))))
                .filter(user -> !user.userId().startsWith(settings.groupPrincipalPrefix()));
    }

    private Optional<JsonObject> profile(String accessToken) {
        if (settings.validateJwt() && metadata().jwksUri() != null) {
            JwtAccessTokens.Outcome outcome = jwts().check(accessToken);
            if (outcome instanceof JwtAccessTokens.Outcome.Valid valid) {
                return Optional.of(json(JSONObjectUtils.toJSONString(valid.claims())));
            }
            if (outcome instanceof JwtAccessTokens.Outcome.Refused) {
                return Optional.empty();
            }
        }
        return userinfo(accessToken);
    }

    /** Kinto's verification: the userinfo answer, from the cache while it is there (each hit renews its TTL). */
    private Optional<JsonObject> userinfo(String accessToken) {
        String key = "openid:verify:" + settings.name() + ":" + sha256(accessToken);
        String cached = cache.get(key);
        Optional<JsonObject> profile = cached != null ? Optional.of(json(cached)) : askUserinfo(accessToken);
        profile.ifPresent(p -> cache.set(key, p.toString(), settings.verificationTtl()));
        return profile;
    }

    private Optional<JsonObject> askUserinfo(String accessToken) {
        String endpoint = metadata().userinfoEndpoint();
        if (endpoint == null) {
            // A provider without userinfo endpoint cannot vouch for tokens it did not sign.
            return Optional.empty();
        }
        HttpResponse<String> response = http.get(endpoint,
                Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"));
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(json(response.body()));
        } catch (JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private Optional<String> userId(JsonObject profile) {
        JsonValue value = profile.get(settings.userIdField());
        if (value instanceof JsonString string) {
            return Optional.of(string.getString()).filter(s -> !s.isEmpty());
        }
        return value instanceof JsonNumber number ? Optional.of(number.toString()) : Optional.empty();
    }

    /** The principals of the {@code groups_claim} strings (a string or an array of strings), none when unset. */
    private Set<String> groups(JsonObject profile) {
        Set<String> principals = new TreeSet<>();
        if (settings.groupsClaim().isEmpty()) {
            return principals;
        }
        JsonValue value = profile;
        for (String step : settings.groupsClaim().get().split("\\.")) {
            value = value instanceof JsonObject object ? object.get(step) : null;
        }
        if (value instanceof JsonString group) {
            principals.add(principal(group.getString()));
        } else if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().stream().filter(JsonString.class::isInstance)
                    .forEach(group -> principals.add(principal(((JsonString) group).getString())));
        }
        return principals;
    }

    private String principal(String group) {
        return settings.groupPrincipal().replace(ProviderSettings.GROUP, group);
    }

    private static JsonObject json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

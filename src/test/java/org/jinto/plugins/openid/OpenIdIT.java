package org.jinto.plugins.openid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.jinto.ops.CapturedRequestLog;
import org.jinto.testing.CapturedLogs;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StartupFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kinto's OpenID Connect policy over HTTP against a real provider (mock-oauth2-server: discovery, JWKS, authorize,
 * token and userinfo endpoints, RS256-signed tokens): the login dance, JWT access tokens validated locally (key
 * rotation, every refusal), userinfo verification and its cache, groups as principals, a provider that is down,
 * and the combination with other policies.
 */
class OpenIdIT {

    private static final String ISSUER_ID = "corp";
    private static final String CLIENT = "jinto-client";
    private static final String SECRET = "client-secret-" + UUID.randomUUID();
    /** While set, the JWKS the provider publishes instead of its own: a key rotation. */
    private static final AtomicReference<String> ROTATED_JWKS = new AtomicReference<>();
    private static final MockOAuth2Server PROVIDER = started(new Route() {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return ROTATED_JWKS.get() != null && request.getUrl().encodedPath().equals("/" + ISSUER_ID + "/jwks");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, ROTATED_JWKS.get(),
                    null);
        }
    });
    private static final String ISSUER = PROVIDER.issuerUrl(ISSUER_ID).toString();
    private static final String URL = JintoServer.url(settings("keycloak", ISSUER, Map.of(
            "multiauth.policy.keycloak.groups_claim", "groups",
            "multiauth.policy.keycloak.jwks_refresh_limit_seconds", "0")));

    private final Http anonymous = new Http(URL);

    private static MockOAuth2Server started(Route... routes) {
        MockOAuth2Server server = new MockOAuth2Server(routes);
        server.start();
        return server;
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    /** A server with one OpenID policy under the operator's name, as Kinto's docs configure it. */
    private static Map<String, String> settings(String name, String issuer, Map<String, String> extra) {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.openid kinto.plugins.history");
        settings.put("kinto.experimental_permissions_endpoint", "true");
        settings.put("multiauth.policies", name);
        settings.put("multiauth.policy." + name + ".use", "kinto.plugins.openid.OpenIDConnectPolicy");
        settings.put("multiauth.policy." + name + ".issuer", issuer);
        settings.put("multiauth.policy." + name + ".client_id", CLIENT);
        settings.put("multiauth.policy." + name + ".client_secret", SECRET);
        settings.putAll(extra);
        return settings;
    }

    private static String token(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        return PROVIDER.issueToken(ISSUER_ID, subject, audience, claims, expirySeconds).serialize();
    }

    private static String token(String subject, List<String> groups) {
        return token(subject, CLIENT, Map.of("groups", groups), 3600);
    }

    private Http bearer(String token) {
        return anonymous.with("Authorization", "Bearer " + token);
    }

    private static String newBucket() {
        return "/buckets/oidc-" + System.nanoTime();
    }

    private static void assertUnauthorized(Http http, String why) {
        Http.Response response = http.send("PUT", newBucket(), null);
        assertEquals(401, response.status(), why + ": " + response.body());
        assertEquals(104, response.object().getInt("errno"), why);
        assertTrue(response.header("WWW-Authenticate").contains("Bearer realm=\"Realm\""), why);
    }

    @Test
    void capabilityListsTheProviderWithoutItsSecret() {
        Http.Response root = anonymous.get("/");
        JsonObject openid = root.object().getJsonObject("capabilities").getJsonObject("openid");
        assertEquals("OpenID connect support.", openid.getString("description"));
        JsonObject provider = openid.getJsonArray("providers").getJsonObject(0);
        assertEquals("keycloak", provider.getString("name"));
        assertEquals(ISSUER, provider.getString("issuer"));
        assertEquals("/openid/keycloak/login", provider.getString("auth_path"));
        assertEquals(CLIENT, provider.getString("client_id"));
        assertEquals("Bearer", provider.getString("header_type"));
        assertEquals(PROVIDER.userInfoUrl(ISSUER_ID).toString(), provider.getString("userinfo_endpoint"));
        assertFalse(root.body().contains(SECRET));
        assertFalse(new Http(JintoServer.url()).get("/").object().getJsonObject("capabilities").containsKey("openid"));
    }

    @Test
    void jwtAccessTokenIdentifiesTheUserEverywhere() throws InterruptedException {
        Http alice = bearer(token("alice", List.of("editors")));
        JsonObject user = alice.get("/").object().getJsonObject("user");
        assertEquals("keycloak:alice", user.getString("id"));
        assertTrue(user.getJsonArray("principals").toString().contains("\"keycloak:group:editors\""), user.toString());

        String bucket = newBucket();
        try (CapturedRequestLog log = new CapturedRequestLog()) {
            String rid = "oidc-" + UUID.randomUUID();
            assertEquals(201, alice.with("X-Request-Id", rid).send("PUT", bucket,
                    "{\"permissions\": {\"read\": [\"keycloak:group:staff\"]}}").status());
            assertEquals("alice", CapturedRequestLog.fields(log.awaitRecord(rid, Duration.ofSeconds(30)).orElseThrow())
                    .getString("uid"), "the request log's uid is the user id without the policy name");
        }
        JsonObject written = alice.get(bucket).object();
        assertTrue(written.getJsonObject("permissions").getJsonArray("write").toString()
                .contains("\"keycloak:alice\""), written.toString());
        assertEquals("keycloak:alice", alice.get(bucket + "/history").object().getJsonArray("data")
                .getJsonObject(0).getString("user_id"));
        assertTrue(alice.get("/permissions").body().contains(bucket), "the bucket is among alice's permissions");

        assertEquals(200, bearer(token("bob", List.of("staff"))).get(bucket).status(), "a group principal reads");
        assertEquals(403, bearer(token("carol", List.of("visitors"))).get(bucket).status());
    }

    @Test
    void everyInvalidTokenIsUnauthorized() throws JOSEException {
        assertUnauthorized(bearer(token("alice", CLIENT, Map.of(), -600)), "expired");
        assertUnauthorized(bearer(token("alice", "another-client", Map.of(), 3600)), "wrong audience");
        assertUnauthorized(bearer(PROVIDER.issueToken("other-issuer", "alice", CLIENT, Map.of(), 3600).serialize()),
                "another issuer");

        String[] parts = token("alice", List.of()).split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"alice\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(bearer(parts[0] + "." + forgedClaims + "." + parts[2]), "tampered claims");

        JWTClaimsSet claims = claims("admin");
        assertUnauthorized(bearer(new PlainJWT(claims).serialize()), "alg: none");
        // Signed by a key the provider does not publish, under the provider's key id.
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(ISSUER_ID).generate();
        assertUnauthorized(bearer(signed(foreign, claims)), "signed by another key");
        assertUnauthorized(bearer("not-a-token"), "opaque token the provider refuses");
        assertUnauthorized(anonymous.with("Authorization", "Token " + token("alice", List.of())), "other scheme");
    }

    @Test
    void rotatedSigningKeysAreFetched() throws Exception {
        assertEquals("keycloak:before", bearer(token("before", List.of())).get("/").object()
                .getJsonObject("user").getString("id"), "the JWKS is downloaded");
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID()).generate();
        JWKSet published = JWKSet.load(URI.create(PROVIDER.jwksUrl(ISSUER_ID).toString()).toURL());
        List<JWK> keys = new ArrayList<>(published.getKeys());
        keys.add(rotated.toPublicJWK());
        // The provider publishes a new key; the unknown key id makes Jinto download the JWKS again.
        ROTATED_JWKS.set(new JWKSet(keys).toString());
        try {
            assertEquals("keycloak:after", bearer(signed(rotated, claims("after"))).get("/").object()
                    .getJsonObject("user").getString("id"));
            assertEquals("keycloak:before", bearer(token("before", List.of())).get("/").object()
                    .getJsonObject("user").getString("id"), "the previous key is still published");
        } finally {
            ROTATED_JWKS.set(null);
        }
    }

    @Test
    void loginDanceRedirectsThroughTheProviderToTheCallbackWithTheTokens() {
        String callback = "http://app.example.com/#tokens=";
        Http.Response login = anonymous.get("/openid/keycloak/login?scope=openid%20email&callback="
                + encode(callback));
        assertEquals(307, login.status(), login.body());
        String authorize = login.header("Location");
        assertTrue(authorize.startsWith(PROVIDER.authorizationEndpointUrl(ISSUER_ID) + "?"), authorize);
        Map<String, String> params = query(authorize);
        assertEquals(CLIENT, params.get("client_id"));
        assertEquals("code", params.get("response_type"));
        assertEquals("openid email", params.get("scope"));
        assertEquals(URL + "/openid/keycloak/token", params.get("redirect_uri"));
        assertTrue(params.get("state").matches("[0-9a-f]{64}"), params.get("state"));

        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "dana", "JWT", List.of(CLIENT),
                Map.of("groups", List.of("editors")), 3600));
        // The provider logs the user in and sends the browser back to Jinto with a code and the state.
        Http.Response provider = anonymous.get(authorize);
        String back = provider.header("Location");
        assertNotNull(back, provider.toString());
        assertTrue(back.startsWith(URL + "/openid/keycloak/token?"), back);

        Http.Response token = anonymous.get(back);
        assertEquals(307, token.status(), token.body());
        String location = token.header("Location");
        assertTrue(location.startsWith(callback), location);
        JsonObject tokens = Json.createReader(new StringReader(new String(Base64.getDecoder().decode(
                URLDecoder.decode(location.substring(callback.length()), StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))).readObject();
        assertTrue(tokens.containsKey("id_token"), tokens.toString());
        assertEquals("keycloak:dana", anonymous.with("Authorization", tokens.getString("token_type") + " "
                + tokens.getString("access_token")).get("/").object().getJsonObject("user").getString("id"));

        Http.Response again = anonymous.get(back);
        assertEquals(400, again.status(), "a state serves once");
        assertEquals("Invalid state", again.object().getString("message"));
        assertEquals(107, again.object().getInt("errno"));
        assertEquals(105, again.object().getJsonArray("details").getJsonObject(0).getInt("errno"));
    }

    @Test
    void loginRefusesWhatKintoRefuses() {
        Http.Response unknown = anonymous.get("/openid/nope/login?scope=openid&callback=http%3A%2F%2Fapp");
        assertEquals(400, unknown.status());
        assertEquals("Unknow provider 'nope'", unknown.object().getString("message"));
        assertEquals("path", unknown.object().getJsonArray("details").getJsonObject(0).getString("location"));

        Http.Response missing = anonymous.get("/openid/keycloak/login");
        assertEquals(400, missing.status());
        assertEquals(107, missing.object().getInt("errno"));
        assertEquals("callback in querystring: Required", missing.object().getString("message"));
        assertEquals(2, missing.object().getJsonArray("details").size());

        assertEquals("callback in querystring: Must be a URL", anonymous.get(
                "/openid/keycloak/login?scope=openid&callback=nowhere").object().getString("message"));
        assertEquals("code in querystring: Required", anonymous.get("/openid/keycloak/token?state=x")
                .object().getString("message"));

        Map<String, String> email = settings("google", ISSUER, Map.of(
                "multiauth.policy.google.userid_field", "email"));
        Http.Response noEmail = new Http(JintoServer.url(email)).get(
                "/openid/google/login?scope=openid&callback=http%3A%2F%2Fapp");
        assertEquals(400, noEmail.status());
        assertEquals("Provider google requires 'email' scope", noEmail.object().getString("message"));
    }

    @Test
    void opaqueTokensAreVerifiedByTheUserinfoEndpointAndCached() {
        MockOAuth2Server provider = started();
        try (CapturedLogs logs = new CapturedLogs()) {
            Map<String, String> settings = settings("google", provider.issuerUrl(ISSUER_ID).toString(), Map.of(
                    // Every token goes to the userinfo endpoint, as Kinto does.
                    "multiauth.policy.google.jwt_validation", "false",
                    "multiauth.policy.google.userid_field", "email",
                    "multiauth.policy.google.verification_ttl_seconds", "600"));
            Http jinto = new Http(JintoServer.url(settings));
            String token = provider.issueToken(ISSUER_ID, "erin", CLIENT, Map.of("email", "erin@example.com"), 3600)
                    .serialize();
            Http erin = jinto.with("Authorization", "Bearer " + token);
            assertEquals("google:erin@example.com", erin.get("/").object().getJsonObject("user").getString("id"));
            assertEquals(401, jinto.with("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                    .send("PUT", newBucket(), null).status(), "the provider refuses a tampered token");

            provider.shutdown();
            assertEquals("google:erin@example.com", erin.get("/").object().getJsonObject("user").getString("id"),
                    "the verification is cached");
            String other = PROVIDER.issueToken(ISSUER_ID, "frank", CLIENT, Map.of("email", "f@example.com"), 3600)
                    .serialize();
            Http.Response down = jinto.with("Authorization", "Bearer " + other).get("/");
            assertEquals(503, down.status(), down.body());
            assertEquals(201, down.object().getInt("errno"));
            assertNotNull(down.header("Retry-After"));
            assertTrue(logs.anyContains("OpenID provider unavailable"), logs.messages().toString());
            assertFalse(logs.anyContains(SECRET) || logs.anyContains(other), "neither the secret nor a token is logged");
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void providerDownIsServiceUnavailable() {
        MockOAuth2Server provider = started();
        String issuer = provider.issuerUrl(ISSUER_ID).toString();
        String jwt = provider.issueToken(ISSUER_ID, "gina", CLIENT, Map.of(), 3600).serialize();
        provider.shutdown();
        Http jinto = new Http(JintoServer.url(settings("sso", issuer, Map.of())));
        Http.Response root = jinto.get("/");
        assertEquals(200, root.status(), "the root URL answers while the provider is down");
        assertEquals(issuer, root.object().getJsonObject("capabilities").getJsonObject("openid")
                .getJsonArray("providers").getJsonObject(0).getString("issuer"));

        Http.Response verify = jinto.with("Authorization", "Bearer " + jwt).get("/");
        assertEquals(503, verify.status(), verify.body());
        assertNotNull(verify.header("Retry-After"));
        Http.Response login = jinto.get("/openid/sso/login?scope=openid&callback=http%3A%2F%2Fapp");
        assertEquals(503, login.status(), login.body());
        assertEquals(201, login.object().getInt("errno"));
    }

    @Test
    void combinesWithAccountsAndBasicauthInOrder() {
        Map<String, String> settings = settings("keycloak", ISSUER, Map.of());
        settings.put("kinto.includes", "kinto.plugins.openid kinto.plugins.accounts");
        settings.put("kinto.account_create_principals", "system.Everyone");
        settings.put("multiauth.policies", "account keycloak basicauth");
        Http jinto = new Http(JintoServer.url(settings));
        String login = "hank-" + System.nanoTime();
        assertEquals(201, jinto.send("PUT", "/accounts/" + login, "{\"data\": {\"password\": \"pw-123\"}}").status());
        assertEquals("account:" + login, jinto.as(login, "pw-123").get("/").object()
                .getJsonObject("user").getString("id"));
        assertEquals("keycloak:ivy", jinto.with("Authorization", "Bearer " + token("ivy", List.of())).get("/")
                .object().getJsonObject("user").getString("id"));
        assertTrue(jinto.as(login, "wrong").get("/").object().getJsonObject("user").getString("id")
                .startsWith("basicauth:"), "refused by the accounts, Basic credentials go on to basicauth");
        Http.Response expired = jinto.with("Authorization", "Bearer " + token("ivy", CLIENT, Map.of(), -600))
                .send("PUT", newBucket(), null);
        assertEquals(401, expired.status());
        assertTrue(expired.header("WWW-Authenticate").contains("Bearer realm=\"Realm\""));
        assertTrue(expired.header("WWW-Authenticate").contains("Basic realm=\"Realm\""));
    }

    @Test
    void startupRefusesIncompleteSettings() {
        Map<String, String> notIncluded = settings("keycloak", ISSUER, Map.of());
        notIncluded.put("kinto.includes", "");
        assertTrue(StartupFailure.errorsOf(notIncluded).stream().anyMatch(m -> m.contains(
                "multiauth.policy.keycloak.use names kinto.plugins.openid.OpenIDConnectPolicy but kinto.includes "
                        + "does not list kinto.plugins.openid")));
        Map<String, String> noIssuer = settings("keycloak", ISSUER, Map.of());
        noIssuer.remove("multiauth.policy.keycloak.issuer");
        assertTrue(StartupFailure.errorsOf(noIssuer).stream().anyMatch(m -> m.contains(
                "multiauth.policy.keycloak.issuer is required")));
    }

    private static JWTClaimsSet claims(String subject) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(CLIENT)
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }
}

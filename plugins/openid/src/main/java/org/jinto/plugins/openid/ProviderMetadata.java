package org.jinto.plugins.openid;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.jinto.api.storage.BackendException;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The provider's discovery document, {@code <issuer>/.well-known/openid-configuration}, as Kinto's
 * {@code fetch_openid_config} reads it: the endpoints the login, the code exchange and the verification use.
 */
record ProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String userinfoEndpoint,
                        String jwksUri) {

    static ProviderMetadata discover(ProviderHttp http, String issuer) {
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        HttpResponse<String> response = http.get(url, Map.of("Accept", "application/json"));
        if (response.statusCode() != 200) {
            throw new BackendException("OpenID discovery " + url + " answered " + response.statusCode(), null);
        }
        JsonObject document;
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            document = reader.readObject();
        } catch (JsonException e) {
            throw new BackendException("OpenID discovery " + url + " is not a JSON object", null);
        }
        return new ProviderMetadata(document.getString("issuer", issuer),
                document.getString("authorization_endpoint", null), document.getString("token_endpoint", null),
                document.getString("userinfo_endpoint", null), document.getString("jwks_uri", null));
    }
}

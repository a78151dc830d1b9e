package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.BackendName;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * kinto-signer's {@code autograph} backend: {@code POST <server_url>/sign/data} with the base64 payload, one request
 * per key id of {@code autograph.key_ids} (default {@code remote-settings}), authenticated with Hawk
 * ({@code autograph.hawk_id}, {@code autograph.hawk_secret}). Autograph adds the content-signature prefix itself.
 */
@ApplicationScoped
@BackendName("autograph")
public class AutographBackend implements SignerBackend {

    private static final List<String> FIELDS = List.of("signature", "x5u", "mode", "public_key", "type", "signer_id",
            "ref");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public ContentSigner load(Function<String, Optional<String>> setting) {
        String serverUrl = required(setting, "autograph.server_url");
        String hawkId = required(setting, "autograph.hawk_id");
        String hawkSecret = required(setting, "autograph.hawk_secret");
        List<String> keyIds = List.of(setting.apply("autograph.key_ids").orElse("remote-settings").strip()
                .split("[\\s,]+"));
        URI endpoint = URI.create(serverUrl).resolve("/sign/data");
        return payload -> {
            List<JsonObject> signatures = new ArrayList<>();
            for (String keyId : keyIds) {
                signatures.add(signWith(endpoint, hawkId, hawkSecret, keyId, payload));
            }
            return signatures;
        };
    }

    private static JsonObject signWith(URI endpoint, String hawkId, String hawkSecret, String keyId, byte[] payload) {
        JsonArrayBuilder request = JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("input", Base64.getEncoder().encodeToString(payload)).add("keyid", keyId));
        byte[] body = request.build().toString().getBytes(StandardCharsets.UTF_8);
        String contentType = "application/json";
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .header("Authorization", HawkHeader.of(hawkId, hawkSecret, "POST", endpoint, contentType, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SigningException("Autograph answered " + response.statusCode() + " at " + endpoint, null);
            }
            JsonObject bundle = JSON.createReader(new StringReader(response.body())).readArray().getJsonObject(0);
            JsonObjectBuilder signature = JSON.createObjectBuilder();
            FIELDS.stream().filter(bundle::containsKey).forEach(field -> signature.add(field, bundle.get(field)));
            return signature.build();
        } catch (IOException | RuntimeException e) {
            if (e instanceof SigningException signing) {
                throw signing;
            }
            throw new SigningException("Autograph signature failed at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("Interrupted while signing with Autograph", e);
        }
    }

    private static String required(Function<String, Optional<String>> setting, String name) {
        return setting.apply(name).orElseThrow(() -> new IllegalStateException("Setting kinto.signer." + name
                + " is required by the autograph signer backend"));
    }
}

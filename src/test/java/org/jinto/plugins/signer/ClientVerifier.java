package org.jinto.plugins.signer;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a client checks a signed collection, written apart from the plugin: Java's own {@link Signature} over the
 * canonical JSON rebuilt from the records it downloaded, and the same check by Node's crypto
 * ({@code signer/verify.js}).
 */
final class ClientVerifier {

    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private ClientVerifier() {
    }

    static String canonicalPayload(List<JsonObject> records, long timestamp) {
        List<JsonValue> live = records.stream().filter(r -> !r.getBoolean("deleted", false))
                .sorted(Comparator.comparing(r -> r.getString("id"), CODE_POINTS)).map(JsonValue.class::cast).toList();
        return "{\"data\":" + canonical(jakarta.json.Json.createArrayBuilder(live).build()) + ",\"last_modified\":"
                + quote(Long.toString(timestamp)) + "}";
    }

    static boolean javaVerifies(String payload, String signature, PublicKey key) throws GeneralSecurityException {
        Signature ecdsa = Signature.getInstance("SHA384withECDSAinP1363Format");
        ecdsa.initVerify(key);
        ecdsa.update("Content-Signature:\u0000".getBytes(StandardCharsets.US_ASCII));
        ecdsa.update(payload.getBytes(StandardCharsets.UTF_8));
        return ecdsa.verify(Base64.getUrlDecoder().decode(signature));
    }

    static PublicKey publicKey(String base64Der) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der)));
    }

    /** Runs the Node verifier; true when it prints {@code valid}. */
    static boolean nodeVerifies(List<JsonObject> records, long timestamp, String signature, String publicKey)
            throws IOException, InterruptedException {
        String input = jakarta.json.Json.createObjectBuilder()
                .add("records", jakarta.json.Json.createArrayBuilder(records.stream().map(JsonValue.class::cast).toList()))
                .add("timestamp", timestamp).add("signature", signature).add("public_key", publicKey)
                .build().toString();
        Process node = new ProcessBuilder("node", Path.of("src/test/resources/signer/verify.js").toString())
                .directory(Path.of(System.getProperty("jinto.projectRoot", ".")).toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node verify.js failed: " + output);
        }
        return output.equals("valid");
    }

    private static String canonical(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                yield "{" + String.join(",", object.keySet().stream().sorted(CODE_POINTS)
                        .map(k -> quote(k) + ":" + canonical(object.get(k))).toList()) + "}";
            }
            case ARRAY -> "[" + String.join(",", ((JsonArray) value).stream().map(ClientVerifier::canonical).toList())
                    + "]";
            case STRING -> quote(((JsonString) value).getString());
            case NUMBER -> ((JsonNumber) value).bigIntegerValueExact().toString();
            default -> value.toString();
        };
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c));
            }
        });
        return out.append('"').toString();
    }
}

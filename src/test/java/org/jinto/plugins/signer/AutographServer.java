package org.jinto.plugins.signer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Autograph {@code /sign/data} endpoint on a free port: it checks the request's Hawk header (MAC and payload
 * hash, recomputed here with the shared secret), then signs the input with a real P-384 key as Autograph's
 * content-signature signer does; {@link #failing} makes it answer 500.
 */
final class AutographServer implements AutoCloseable {

    static final String HAWK_ID = "alice";
    static final String HAWK_SECRET = "fs5wgcer9qj819kfptdlp8gm227ewxnzvsuj9ztycsx08hfhzu";
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    final KeyPair key;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger signed = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    private final HttpServer server;

    AutographServer(KeyPair key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sign/data", this::sign);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void sign(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (failing.get()) {
                answer(exchange, 500, "{\"error\": \"unavailable\"}");
                return;
            }
            if (!hawkValid(exchange, body)) {
                refused.incrementAndGet();
                answer(exchange, 401, "{\"error\": \"bad hawk\"}");
                return;
            }
            JsonObject request = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                    .readArray().getJsonObject(0);
            Signature ecdsa = Signature.getInstance("SHA384withECDSAinP1363Format");
            ecdsa.initSign(key.getPrivate());
            ecdsa.update("Content-Signature:\u0000".getBytes(StandardCharsets.US_ASCII));
            ecdsa.update(Base64.getDecoder().decode(request.getString("input")));
            String signature = Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("ref", UUID.randomUUID().toString())
                    .add("type", "contentsignature")
                    .add("mode", "p384ecdsa")
                    .add("signer_id", request.getString("keyid"))
                    .add("public_key", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
                    .add("signature", Base64.getUrlEncoder().encodeToString(ecdsa.sign()))
                    .add("x5u", url() + "chains/remote-settings.pem")).build().toString();
            signed.incrementAndGet();
            answer(exchange, 200, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            answer(exchange, 500, "{\"error\": \"" + e + "\"}");
        }
    }

    /** Hawk 1.1: the payload hash matches the body and the MAC matches the request line and header values. */
    private boolean hawkValid(HttpExchange exchange, byte[] body) throws GeneralSecurityException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Hawk ")) {
            return false;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher match = ATTRIBUTE.matcher(header);
        while (match.find()) {
            attributes.put(match.group(1), match.group(2));
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String hash = Base64.getEncoder().encodeToString(sha.digest(
                ("hawk.1.payload\n" + contentType + "\n" + new String(body, StandardCharsets.UTF_8) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        String normalized = String.join("\n", "hawk.1.header", attributes.get("ts"), attributes.get("nonce"), "POST",
                exchange.getRequestURI().getRawPath(), "127.0.0.1",
                String.valueOf(server.getAddress().getPort()), hash, "", "");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(HAWK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String mac = Base64.getEncoder().encodeToString(hmac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(attributes.get("ts")));
        return HAWK_ID.equals(attributes.get("id")) && hash.equals(attributes.get("hash"))
                && mac.equals(attributes.get("mac")) && age < 60;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

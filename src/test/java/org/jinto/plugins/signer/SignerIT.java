package org.jinto.plugins.signer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signer plugin over HTTP: the review workflow of a source collection, refusals, rollback, and signatures
 * checked as a client checks them (Java and Node), with a local key and with a local Autograph server.
 */
class SignerIT {

    private static final Path KEYS = tempDirectory();
    private static final KeyStore.PrivateKeyEntry LOCAL = selfSignedByKeytool();
    private static final KeyPair KEY = new KeyPair(LOCAL.getCertificate().getPublicKey(), LOCAL.getPrivateKey());
    private static final KeyPair AUTOGRAPH_KEY = newKey();
    private static final AutographServer AUTOGRAPH = autograph();
    private static final String URL = server();

    private final Http anonymous = new Http(URL);
    private final Http alice = anonymous.as("alice", "secret");
    private final Http bob = anonymous.as("bob", "secret");

    private static String server() {
        try {
            Path privateKey = KEYS.resolve("ecdsa.private.pem");
            Path publicKey = KEYS.resolve("ecdsa.public.pem");
            Path chain = KEYS.resolve("chain.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", KEY.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", KEY.getPublic().getEncoded()));
            Files.writeString(chain, pem("CERTIFICATE", LOCAL.getCertificate().getEncoded()));
            // PostgreSQL: a refused or failed change must roll back everything the request wrote.
            Map<String, String> settings = JintoServer.postgresql();
            settings.put("kinto.includes", "kinto_signer kinto.plugins.history");
            settings.put("multiauth.policies", "basicauth");
            settings.put("kinto.bucket_create_principals", "system.Authenticated");
            settings.put("kinto.signer.resources", String.join("\n    ",
                    "/buckets/simple -> /buckets/simple-signed",
                    "/buckets/work -> /buckets/preview -> /buckets/main",
                    "/buckets/auto/collections/c -> /buckets/auto-signed/collections/c"));
            settings.put("kinto.signer.to_review_enabled", "true");
            settings.put("kinto.signer.simple.to_review_enabled", "false");
            settings.put("kinto.signer.ecdsa.private_key", privateKey.toString());
            settings.put("kinto.signer.ecdsa.public_key", publicKey.toString());
            settings.put("kinto.signer.ecdsa.certificate_chain", chain.toString());
            settings.put("kinto.http_host", "signer.example.com");
            settings.put("kinto.signer.auto.c.to_review_enabled", "false");
            settings.put("kinto.signer.auto.c.signer_backend", "kinto_signer.signer.autograph");
            settings.put("kinto.signer.auto.c.autograph.server_url", AUTOGRAPH.url());
            settings.put("kinto.signer.auto.c.autograph.hawk_id", AutographServer.HAWK_ID);
            settings.put("kinto.signer.auto.c.autograph.hawk_secret", AutographServer.HAWK_SECRET);
            return JintoServer.url(settings);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("signer-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A P-384 key and its self-signed certificate, made by the JDK's keytool as an operator would. */
    private static KeyStore.PrivateKeyEntry selfSignedByKeytool() {
        try {
            Path store = KEYS.resolve("signer.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "signer", "-keyalg", "EC", "-groupname", "secp384r1",
                    "-sigalg", "SHA384withECDSA", "-dname", "CN=remote-settings.content-signature.mozilla.org",
                    "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
            assertEquals(0, keytool.waitFor());
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keyStore.load(in, "changeit".toCharArray());
            }
            return (KeyStore.PrivateKeyEntry) keyStore.getEntry("signer",
                    new KeyStore.PasswordProtection("changeit".toCharArray()));
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AutographServer autograph() {
        try {
            return new AutographServer(AUTOGRAPH_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static JsonObject data(Http.Response response) {
        assertTrue(response.status() < 300, response.toString());
        return response.object().getJsonObject("data");
    }

    private static void assertRefused(Http.Response response, int status, String message) {
        assertEquals(status, response.status(), response.body());
        JsonObject body = response.object();
        assertEquals(status == 403 ? 121 : 109, body.getInt("errno"), response.body());
        assertEquals(message, body.getString("message"));
    }

    private static Http.Response status(Http client, String collectionUri, String status) {
        return client.send("PATCH", collectionUri, "{\"data\": {\"status\": \"" + status + "\"}}");
    }

    private static List<JsonObject> records(Http client, String collectionUri) {
        return data(client.get(collectionUri)).isEmpty() ? List.of() : client.get(collectionUri + "/records")
                .object().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    private static List<String> ids(List<JsonObject> records) {
        return records.stream().map(r -> r.getString("id")).sorted().toList();
    }

    /**
     * What a client does: reads the records and their timestamp (ETag) anonymously, rebuilds the canonical JSON,
     * checks the collection's signature with Java and Node.
     */
    private void assertSignatureValid(String collectionUri, KeyPair key) throws Exception {
        JsonObject signature = data(anonymous.get(collectionUri)).getJsonObject("signature");
        assertEquals("p384ecdsa", signature.getString("mode"));
        assertEquals(Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                signature.getString("public_key"));
        Http.Response list = anonymous.get(collectionUri + "/records");
        long timestamp = Long.parseLong(list.header("ETag").replace("\"", ""));
        List<JsonObject> records = list.object().getJsonArray("data").getValuesAs(JsonObject.class);
        String payload = ClientVerifier.canonicalPayload(records, timestamp);
        assertTrue(ClientVerifier.javaVerifies(payload, signature.getString("signature"), key.getPublic()), payload);
        assertTrue(ClientVerifier.nodeVerifies(records, timestamp, signature.getString("signature"),
                signature.getString("public_key")));

        if (!records.isEmpty()) {
            List<JsonObject> tampered = new java.util.ArrayList<>(records);
            tampered.set(0, jakarta.json.Json.createObjectBuilder(records.get(0)).add("tampered", true).build());
            String tamperedPayload = ClientVerifier.canonicalPayload(tampered, timestamp);
            assertFalse(ClientVerifier.javaVerifies(tamperedPayload, signature.getString("signature"), key.getPublic()));
            assertFalse(ClientVerifier.nodeVerifies(tampered, timestamp, signature.getString("signature"),
                    signature.getString("public_key")));
        }
        assertFalse(ClientVerifier.javaVerifies(payload.replace("\"last_modified\":\"" + timestamp,
                "\"last_modified\":\"" + (timestamp + 1)), signature.getString("signature"), key.getPublic()));
    }

    @Test
    void newSourceGetsGroupsAndASignedEmptyDestination() throws Exception {
        alice.send("PUT", "/buckets/simple", null);
        JsonObject created = data(alice.send("PUT", "/buckets/simple/collections/fresh", null));
        assertFalse(created.containsKey("status"));

        JsonObject source = data(alice.get("/buckets/simple/collections/fresh"));
        assertEquals("signed", source.getString("status"));
        assertTrue(source.getString("last_signature_by").startsWith("basicauth:"));
        JsonObject editors = data(alice.get("/buckets/simple/groups/fresh-editors"));
        assertEquals(List.of(source.getString("last_signature_by")),
                editors.getJsonArray("members").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertEquals(0, data(alice.get("/buckets/simple/groups/fresh-reviewers")).getJsonArray("members").size());
        assertSignatureValid("/buckets/simple-signed/collections/fresh", KEY);
        // The destination is public and nobody but the signer writes it.
        assertEquals(200, anonymous.get("/buckets/simple-signed/collections/fresh/records").status());
        assertEquals(403, bob.send("PUT", "/buckets/simple-signed/collections/fresh/records/x", "{}").status());
    }

    @Test
    void anonymousRecordChangesMoveTheSourceToWorkInProgress() {
        alice.send("PUT", "/buckets/simple", null);
        data(alice.send("PUT", "/buckets/simple/collections/open",
                "{\"permissions\": {\"write\": [\"system.Everyone\"]}}"));
        data(anonymous.send("PUT", "/buckets/simple/collections/open/records/r1", "{\"data\": {}}"));
        JsonObject source = data(alice.get("/buckets/simple/collections/open"));
        assertEquals("work-in-progress", source.getString("status"));
        assertTrue(source.isNull("last_edit_by"), source.toString());
    }

    @Test
    void anAnonymousCreatorGetsEmptyGroupsAndASignedDestination() throws Exception {
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PATCH", "/buckets/simple",
                "{\"permissions\": {\"collection:create\": [\"system.Everyone\"], \"group:create\": [\"system.Everyone\"]}}");
        assertEquals(201, anonymous.send("PUT", "/buckets/simple/collections/nobody", null).status());
        assertEquals("signed", data(alice.get("/buckets/simple/collections/nobody")).getString("status"));
        assertEquals(0, data(alice.get("/buckets/simple/groups/nobody-editors")).getJsonArray("members").size());
        assertSignatureValid("/buckets/simple-signed/collections/nobody", KEY);
    }

    @Test
    void toSignCopiesCreatesUpdatesAndDeletesThenSigns() throws Exception {
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", "/buckets/simple/collections/copy", null);
        String source = "/buckets/simple/collections/copy";
        alice.send("PUT", source + "/records/b", "{\"data\": {\"title\": \"Café 𝄞 \\\"q\\\" \\n\", \"n\": -12}}");
        alice.send("PUT", source + "/records/a", "{\"data\": {\"z\": [3, 1, {\"y\": null, \"x\": true}], \"é\": \"✓\"}}");
        alice.send("PUT", source + "/records/gone", "{\"data\": {}}");
        assertEquals("work-in-progress", data(alice.get(source)).getString("status"));
        assertEquals(200, status(alice, source, "to-sign").status());
        assertEquals("signed", data(alice.get(source)).getString("status"));
        String destination = "/buckets/simple-signed/collections/copy";
        assertEquals(List.of("a", "b", "gone"), ids(records(anonymous, destination)));
        assertSignatureValid(destination, KEY);

        alice.send("PATCH", source + "/records/a", "{\"data\": {\"z\": 4}}");
        alice.send("DELETE", source + "/records/gone", null);
        alice.send("PUT", source + "/records/c", "{\"data\": {\"id\": \"c\"}}");
        String before = data(anonymous.get(destination)).getJsonObject("signature").getString("signature");
        assertEquals(200, status(alice, source, "to-sign").status());
        List<JsonObject> published = records(anonymous, destination);
        assertEquals(List.of("a", "b", "c"), ids(published));
        assertEquals(4, published.stream().filter(r -> r.getString("id").equals("a")).findFirst().orElseThrow()
                .getInt("z"));
        assertNotEquals(before, data(anonymous.get(destination)).getJsonObject("signature").getString("signature"));
        assertSignatureValid(destination, KEY);
        JsonArray tombstones = anonymous.get(destination + "/records?_since=0").object().getJsonArray("data");
        assertTrue(tombstones.stream().anyMatch(r -> r.asJsonObject().getString("id").equals("gone")
                && r.asJsonObject().getBoolean("deleted", false)), tombstones.toString());
    }

    @Test
    void reviewWorkflowWithPreview() throws Exception {
        String source = "/buckets/work/collections/rev";
        alice.send("PUT", "/buckets/work", null);
        alice.send("PUT", source, null);
        String bobPrincipal = bob.get("/").object().getJsonObject("user").getString("id");
        alice.send("PATCH", "/buckets/work/groups/rev-reviewers",
                "{\"data\": {\"members\": [\"" + bobPrincipal + "\"]}}");

        assertEquals(201, bob.send("PUT", source + "/records/r1", "{\"data\": {\"v\": 1}}").status());
        assertEquals("work-in-progress", data(alice.get(source)).getString("status"));
        assertRefused(status(bob, source, "to-review"), 403, "Not in rev-editors group");
        assertRefused(status(alice, source, "to-sign"), 403, "Not in rev-reviewers group");
        assertRefused(status(bob, source, "to-sign"), 400, "Collection not under review");

        assertEquals(200, status(alice, source, "to-review").status());
        JsonObject underReview = data(alice.get(source));
        assertEquals("to-review", underReview.getString("status"));
        String aliceId = underReview.getString("last_review_request_by");
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/preview/collections/rev")));
        assertSignatureValid("/buckets/preview/collections/rev", KEY);
        assertEquals(List.of(), ids(records(anonymous, "/buckets/main/collections/rev")));

        alice.send("PATCH", "/buckets/work/groups/rev-reviewers",
                "{\"data\": {\"members\": [\"" + bobPrincipal + "\", \"" + aliceId + "\"]}}");
        assertRefused(status(alice, source, "to-sign"), 403, "Last editor cannot review");
        assertEquals(200, status(bob, source, "to-sign").status());
        JsonObject signed = data(alice.get(source));
        assertEquals("signed", signed.getString("status"));
        assertEquals(bobPrincipal, signed.getString("last_review_by"));
        assertEquals(bobPrincipal, signed.getString("last_signature_by"));
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/main/collections/rev")));
        assertSignatureValid("/buckets/main/collections/rev", KEY);

        assertRefused(status(bob, source, "to-sign"), 400, "Collection already signed");
        assertRefused(status(bob, source, "to-rollback"), 400, "Collection has no work-in-progress");
        assertRefused(status(bob, source, "publish"), 400, "Invalid status 'publish'");
        assertRefused(alice.send("PUT", source, "{\"data\": {}}"), 400, "Cannot remove status");
        assertRefused(alice.send("PATCH", source, "{\"data\": {\"last_edit_by\": \"me\"}}"), 400,
                "Cannot change <TRACKING_FIELDS.LAST_EDIT_BY: 'last_edit_by'>");

        // A review request rejected by the reviewer, then the changes dropped.
        alice.send("PUT", source + "/records/r2", "{\"data\": {\"v\": 2}}");
        assertRefused(status(bob, source, "signed"), 400, "Cannot set status to 'signed'");
        assertEquals(200, status(alice, source, "to-review").status());
        assertEquals(200, status(bob, source, "work-in-progress").status());
        assertEquals("work-in-progress", data(alice.get(source)).getString("status"));
        assertEquals(List.of("r1", "r2"), ids(records(anonymous, "/buckets/preview/collections/rev")));
        assertEquals(200, status(alice, source, "to-rollback").status());
        assertEquals("signed", data(alice.get(source)).getString("status"));
        assertEquals(List.of("r1"), ids(records(alice, source)));
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/preview/collections/rev")));
        assertSignatureValid("/buckets/preview/collections/rev", KEY);

        // A refreshed signature keeps the data and the status.
        String before = data(anonymous.get("/buckets/main/collections/rev")).getJsonObject("signature")
                .getString("ref");
        assertEquals(200, status(alice, source, "to-resign").status());
        assertEquals("signed", data(alice.get(source)).getString("status"));
        assertNotEquals(before, data(anonymous.get("/buckets/main/collections/rev")).getJsonObject("signature")
                .getString("ref"));
        assertSignatureValid("/buckets/main/collections/rev", KEY);
    }

    @Test
    void reviewRequestWithoutPreviewOnlyRecordsWhoAsked() {
        String source = "/buckets/simple/collections/asked";
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", source, null);
        alice.send("PUT", source + "/records/r1", "{\"data\": {\"v\": 1}}");
        assertEquals(200, status(alice, source, "to-review").status());
        JsonObject asked = data(alice.get(source));
        assertEquals("to-review", asked.getString("status"));
        assertEquals(asked.getString("last_edit_by"), asked.getString("last_review_request_by"));
        assertEquals(List.of(), ids(records(anonymous, "/buckets/simple-signed/collections/asked")));
        // Review is not enabled for this resource: the editor signs.
        assertEquals(200, status(alice, source, "to-sign").status());
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/simple-signed/collections/asked")));
    }

    @Test
    void rollbackRestoresDeletedChangedAndRemovesNewRecords() {
        String source = "/buckets/simple/collections/back";
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", source, null);
        alice.send("PUT", source + "/records/kept", "{\"data\": {\"v\": 1}}");
        alice.send("PUT", source + "/records/deleted", "{\"data\": {\"v\": 1}}");
        status(alice, source, "to-sign");
        alice.send("PATCH", source + "/records/kept", "{\"data\": {\"v\": 2}}");
        alice.send("DELETE", source + "/records/deleted", null);
        alice.send("PUT", source + "/records/new", "{\"data\": {}}");

        assertEquals(200, status(alice, source, "to-rollback").status());
        List<JsonObject> restored = records(alice, source);
        assertEquals(List.of("deleted", "kept"), ids(restored));
        assertEquals(1, restored.stream().filter(r -> r.getString("id").equals("kept")).findFirst().orElseThrow()
                .getInt("v"));
        assertEquals("signed", data(alice.get(source)).getString("status"));
    }

    @Test
    void floatsAndDeletingPublishedCollectionsAreRefusedAndChangeNothing() {
        String source = "/buckets/simple/collections/strict";
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", source, null);
        assertRefused(alice.send("PUT", source + "/records/f", "{\"data\": {\"a\": {\"b\": [1, 2.5]}}}"), 400,
                "field contains float value (tip: use integer or string), 'a.b.1'");
        assertEquals(404, alice.get(source + "/records/f").status());
        assertEquals("signed", data(alice.get(source)).getString("status"));
        assertRefused(alice.send("DELETE", "/buckets/simple-signed/collections/strict", null), 403,
                "Collection is in use.");
    }

    @Test
    void autographSignsWithHawkAndAFailedSignatureChangesNothing() throws Exception {
        String source = "/buckets/auto/collections/c";
        alice.send("PUT", "/buckets/auto", null);
        alice.send("PUT", source, null);
        alice.send("PUT", source + "/records/r1", "{\"data\": {\"v\": 1}}");
        assertEquals(200, status(alice, source, "to-sign").status());
        assertSignatureValid("/buckets/auto-signed/collections/c", AUTOGRAPH_KEY);
        JsonObject signature = data(anonymous.get("/buckets/auto-signed/collections/c")).getJsonObject("signature");
        assertEquals(AUTOGRAPH.url() + "chains/remote-settings.pem", signature.getString("x5u"));
        assertEquals(0, AUTOGRAPH.refused.get());

        alice.send("PUT", source + "/records/r2", "{\"data\": {\"v\": 2}}");
        JsonObject sourceBefore = data(alice.get(source));
        JsonObject destinationBefore = data(anonymous.get("/buckets/auto-signed/collections/c"));
        AUTOGRAPH.failing.set(true);
        try {
            Http.Response failed = status(alice, source, "to-sign");
            assertEquals(503, failed.status(), failed.toString());
            assertEquals(201, failed.object().getInt("errno"));
            assertEquals("3", failed.header("Retry-After"), failed.toString());
        } finally {
            AUTOGRAPH.failing.set(false);
        }
        assertEquals(sourceBefore, data(alice.get(source)));
        assertEquals(destinationBefore, data(anonymous.get("/buckets/auto-signed/collections/c")));
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/auto-signed/collections/c")));
        assertEquals(200, status(alice, source, "to-sign").status());
        assertEquals(List.of("r1", "r2"), ids(records(anonymous, "/buckets/auto-signed/collections/c")));
    }

    @Test
    void localKeyCertificateChainIsServedAsX5u() throws Exception {
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", "/buckets/simple/collections/chained", null);
        String x5u = data(anonymous.get("/buckets/simple-signed/collections/chained")).getJsonObject("signature")
                .getString("x5u");
        String prefix = "https://signer.example.com/v1/__signer__/x5u/";
        assertTrue(x5u.startsWith(prefix), x5u);
        Http.Response chain = anonymous.get("/__signer__/x5u/" + x5u.substring(prefix.length()));
        assertEquals(200, chain.status());
        assertEquals("application/x-pem-file", chain.header("Content-Type"));
        java.security.cert.Certificate leaf = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(chain.body().getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(KEY.getPublic(), leaf.getPublicKey());
        assertEquals(404, anonymous.get("/__signer__/x5u/unknown.pem").status());
    }

    @Test
    void deletingTheSourceEmptiesAndSignsPreviewAndDestination() throws Exception {
        String source = "/buckets/work/collections/dropped";
        alice.send("PUT", "/buckets/work", null);
        alice.send("PUT", source, null);
        alice.send("PUT", source + "/records/r1", "{\"data\": {\"v\": 1}}");
        assertEquals(200, status(alice, source, "to-review").status());
        assertEquals(List.of("r1"), ids(records(anonymous, "/buckets/preview/collections/dropped")));

        assertEquals(200, alice.send("DELETE", source, null).status());
        assertEquals(404, alice.get("/buckets/work/groups/dropped-editors").status());
        assertEquals(404, alice.get("/buckets/work/groups/dropped-reviewers").status());
        assertEquals(List.of(), ids(records(anonymous, "/buckets/preview/collections/dropped")));
        assertSignatureValid("/buckets/preview/collections/dropped", KEY);
        assertSignatureValid("/buckets/main/collections/dropped", KEY);
    }

    /**
     * Edits racing signatures: whatever the interleaving, a source that says {@code signed} has exactly its records
     * published (an edit is either in the signature or leaves the source in {@code work-in-progress}), and the
     * destination's signature always matches its records.
     */
    @Test
    void editsDuringASignatureAreSignedOrLeftForTheNext() throws Exception {
        String source = "/buckets/simple/collections/raced";
        String destination = "/buckets/simple-signed/collections/raced";
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", source, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 15; i++) {
                String record = source + "/records/r" + i;
                Future<Http.Response> edit = pool.submit(() -> alice.send("PUT", record, "{\"data\": {\"v\": 1}}"));
                Future<Http.Response> sign = pool.submit(() -> status(alice, source, "to-sign"));
                assertEquals(201, edit.get().status(), edit.get().body());
                assertTrue(List.of(200, 400).contains(sign.get().status()), sign.get().body());
                if (data(alice.get(source)).getString("status").equals("signed")) {
                    assertEquals(contents(records(alice, source)), contents(records(anonymous, destination)));
                } else {
                    assertEquals(200, status(alice, source, "to-sign").status());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(15, records(anonymous, destination).size());
        assertSignatureValid(destination, KEY);
    }

    /** Records without their timestamps, by id. */
    private static Map<String, JsonObject> contents(List<JsonObject> records) {
        Map<String, JsonObject> byId = new java.util.TreeMap<>();
        records.forEach(r -> byId.put(r.getString("id"),
                jakarta.json.Json.createObjectBuilder(r).remove("last_modified").build()));
        return byId;
    }

    @Test
    void signerChangesAreResourceEventsOfThePluginThatTheHistoryRecords() {
        String source = "/buckets/simple/collections/traced";
        alice.send("PUT", "/buckets/simple", null);
        alice.send("PUT", source, null);
        alice.send("PUT", source + "/records/r1", "{\"data\": {\"v\": 1}}");
        assertEquals(200, status(alice, source, "to-sign").status());

        List<JsonObject> published = history(alice, "/buckets/simple-signed", "traced");
        JsonObject copied = published.stream()
                .filter(e -> e.getString("uri").equals("/buckets/simple-signed/collections/traced/records/r1"))
                .findFirst().orElseThrow(() -> new AssertionError(published.toString()));
        assertEquals("create", copied.getString("action"));
        assertEquals("plugin:remote-settings", copied.getString("user_id"));
        assertEquals(1, copied.getJsonObject("target").getJsonObject("data").getInt("v"));
        assertTrue(published.stream().anyMatch(e -> e.getString("resource_name").equals("collection")
                && e.getJsonObject("target").getJsonObject("data").containsKey("signature")), published.toString());

        // The status the plugin wrote on the source is in its history too, after the user's own request.
        List<JsonObject> sourceHistory = history(alice, "/buckets/simple", "traced").stream()
                .filter(e -> e.getString("uri").equals(source)).toList();
        JsonObject latest = sourceHistory.get(0);
        assertEquals("plugin:remote-settings", latest.getString("user_id"), sourceHistory.toString());
        assertEquals("signed", latest.getJsonObject("target").getJsonObject("data").getString("status"));
        assertTrue(sourceHistory.stream().anyMatch(e -> e.getString("user_id").startsWith("basicauth:")
                && e.getJsonObject("target").getJsonObject("data").getString("status").equals("to-sign")));
    }

    private static List<JsonObject> history(Http client, String bucketUri, String collectionId) {
        return client.get(bucketUri + "/history?collection_id=" + collectionId).object().getJsonArray("data")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void capabilityListsTheResources() {
        JsonObject signer = anonymous.get("/").object().getJsonObject("capabilities").getJsonObject("signer");
        assertEquals(true, signer.getBoolean("to_review_enabled"));
        assertEquals("{collection_id}-editors", signer.getString("editors_group"));
        JsonArray resources = signer.getJsonArray("resources");
        assertEquals(3, resources.size(), resources.toString());
        JsonObject simple = resources.getJsonObject(0);
        assertEquals("simple", simple.getJsonObject("source").getString("bucket"));
        assertTrue(simple.getJsonObject("source").isNull("collection"));
        assertFalse(simple.getBoolean("to_review_enabled"));
        assertEquals("preview", resources.getJsonObject(1).getJsonObject("preview").getString("bucket"));
    }
}

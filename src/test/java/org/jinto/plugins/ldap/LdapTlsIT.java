package org.jinto.plugins.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StartupFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LDAP policy over encrypted connections to a real directory (UnboundID's in-memory server with an ldaps://
 * listener, a StartTLS-capable ldap:// one and a plain one, its certificate self-signed by the test): trusted through
 * {@code ldap.truststore}, refused (503) when the certificate is not trusted.
 */
class LdapTlsIT {

    private static final String USERS = "ou=users,dc=example,dc=com";
    private static final String KEY_STORE_PASSWORD = "key-password";
    private static final Path KEY_STORE = keyStore();
    private static final InMemoryDirectoryServer DIRECTORY = directory();
    private static final String TRUST_STORE_PASSWORD = "trust-password";
    private static final Path TRUST_STORE = trustStore();

    /**
     * The directory's key and self-signed certificate for localhost, made by the JDK's keytool (UnboundID's
     * generator names the machine's addresses, not localhost).
     */
    private static Path keyStore() {
        try {
            Path file = Files.createTempFile("ldap-keystore", ".p12");
            Files.delete(file);
            file.toFile().deleteOnExit();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "directory", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", KEY_STORE_PASSWORD, "-keypass", KEY_STORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InMemoryDirectoryServer directory() {
        try {
            SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(KEY_STORE.toFile(),
                    KEY_STORE_PASSWORD.toCharArray(), "PKCS12", null), null);
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0,
                            serverTls.createSSLServerSocketFactory(), null),
                    InMemoryListenerConfig.createLDAPConfig("starttls", null, 0, serverTls.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPConfig("plain", 0));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
            server.add("dn: " + USERS, "objectClass: organizationalUnit", "ou: users");
            server.add("dn: uid=alice," + USERS, "objectClass: inetOrgPerson", "uid: alice", "cn: alice",
                    "sn: alice", "mail: alice@example.com", "userPassword: alice-password");
            server.startListening();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding the directory's certificate only, as an operator exports a company CA. */
    private static Path trustStore() {
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, KEY_STORE_PASSWORD.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (String alias : Collections.list(keys.aliases())) {
                trusted.setCertificateEntry(alias, keys.getCertificate(alias));
            }
            Path file = Files.createTempFile("ldap-truststore", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                trusted.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        DIRECTORY.shutDown(true);
    }

    private static Map<String, String> settings(String endpoint, Map<String, String> extra) {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto_ldap");
        settings.put("multiauth.policies", "ldap");
        settings.put("kinto.ldap.endpoint", endpoint);
        settings.put("kinto.ldap.base_dn", USERS);
        settings.put("kinto.ldap.pool_retry_max", "1");
        settings.put("kinto.ldap.pool_timeout", "5");
        settings.putAll(extra);
        return settings;
    }

    private static Map<String, String> trusting(String endpoint, Map<String, String> extra) {
        Map<String, String> settings = settings(endpoint, extra);
        settings.put("kinto.ldap.truststore", TRUST_STORE.toString());
        settings.put("kinto.ldap.truststore_password", TRUST_STORE_PASSWORD);
        return settings;
    }

    private static Http.Response alice(Map<String, String> settings) {
        return new Http(JintoServer.url(settings)).as("alice@example.com", "alice-password").get("/");
    }

    private static String ldaps() {
        return "ldaps://localhost:" + DIRECTORY.getListenPort("ldaps");
    }

    private static String startTlsEndpoint() {
        return "ldap://localhost:" + DIRECTORY.getListenPort("starttls");
    }

    @Test
    void ldapsEndpointTrustedThroughTheTrustStore() {
        Http.Response response = alice(trusting(ldaps(), Map.of()));
        assertEquals(200, response.status(), response.body());
        assertEquals("ldap:alice@example.com", response.object().getJsonObject("user").getString("id"));
    }

    @Test
    void startTlsEncryptsBeforeTheBind() {
        Http.Response response = alice(trusting(startTlsEndpoint(), Map.of("kinto.ldap.starttls", "true")));
        assertEquals(200, response.status(), response.body());
        assertEquals("ldap:alice@example.com", response.object().getJsonObject("user").getString("id"));
        Http.Response plain = alice(trusting("ldap://localhost:" + DIRECTORY.getListenPort("plain"),
                Map.of("kinto.ldap.starttls", "true")));
        assertEquals(503, plain.status(), "a directory that cannot StartTLS gets no credentials in clear: " + plain);
    }

    @Test
    void untrustedCertificateIsServiceUnavailable() {
        // The JVM's trust store does not hold the self-signed certificate: no credentials are sent.
        Http.Response ldaps = alice(settings(ldaps(), Map.of()));
        assertEquals(503, ldaps.status(), ldaps.body());
        assertEquals(201, ldaps.object().getInt("errno"));
        Http.Response startTls = alice(settings(startTlsEndpoint(), Map.of("kinto.ldap.starttls", "true")));
        assertEquals(503, startTls.status(), startTls.body());
    }

    @Test
    void startupRefusesInconsistentTlsSettings() {
        assertTrue(StartupFailure.errorsOf(trusting(ldaps(), Map.of("kinto.ldap.starttls", "true"))).stream()
                .anyMatch(m -> m.contains("ldap.starttls is for ldap:// endpoints")));
        assertTrue(StartupFailure.errorsOf(settings(ldaps(), Map.of("kinto.ldap.truststore", "/nonexistent.p12")))
                .stream().anyMatch(m -> m.contains("ldap.truststore is not a readable file: /nonexistent.p12")));
    }
}

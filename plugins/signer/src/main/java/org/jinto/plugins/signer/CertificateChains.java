package org.jinto.plugins.signer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.Settings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificate chains of local keys that Jinto publishes itself, at
 * {@code <http_scheme>://<http_host>/v1/__signer__/x5u/<sha256>.pem}: the {@code x5u} of their signatures, so that
 * clients can fetch the chain as they fetch Autograph's.
 */
@ApplicationScoped
public class CertificateChains {

    static final String PATH = "/v1/__signer__/x5u/";

    @Inject
    Settings settings;

    private final Map<String, String> chains = new ConcurrentHashMap<>();

    /**
     * Publishes a PEM chain whose first certificate holds {@code publicKey}; returns its x5u URL.
     *
     * @throws IllegalStateException when the chain is unreadable, does not match the key, or kinto.http_host is unset
     */
    String publish(String pem, PublicKey publicKey) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty() || !certificates.iterator().next().getPublicKey().equals(publicKey)) {
                throw new IllegalStateException("Setting kinto.signer.ecdsa.certificate_chain: the first certificate "
                        + "is not the one of the public key");
            }
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(pem.getBytes(StandardCharsets.US_ASCII)));
            String host = settings.get("kinto.http_host").orElseThrow(() -> new IllegalStateException(
                    "Setting kinto.http_host is needed to publish kinto.signer.ecdsa.certificate_chain"));
            chains.put(name, pem);
            return settings.get("kinto.http_scheme", "https") + "://" + host + PATH + name + ".pem";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Setting kinto.signer.ecdsa.certificate_chain: " + e.getMessage(), e);
        }
    }

    Optional<String> chain(String name) {
        return Optional.ofNullable(chains.get(name));
    }
}

package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.BackendName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * kinto-signer's {@code local_ecdsa} backend: ECDSA P-384 with SHA-384 using the JDK's own provider, the key read
 * from the PEM file of {@code signer.ecdsa.private_key} (PKCS#8 {@code PRIVATE KEY}, or the {@code EC PRIVATE KEY}
 * that python-ecdsa and OpenSSL write). The signature is r||s in URL-safe base64, as Autograph gives it; the
 * {@code public_key} file, when set, is shown in each signature; the {@code x5u} is {@code signer.ecdsa.x5u}, or the
 * URL at which Jinto publishes the PEM file of {@code signer.ecdsa.certificate_chain} (which needs the public key).
 */
@ApplicationScoped
@BackendName("local_ecdsa")
public class LocalEcdsaBackend implements SignerBackend {

    @Inject
    CertificateChains chains;

    /** DER of the PKCS#8 algorithm identifier: id-ecPublicKey on secp384r1. */
    private static final byte[] EC_P384_ALGORITHM = HexFormat.of().parseHex("301006072a8648ce3d020106052b81040022");

    @Override
    public ContentSigner load(Function<String, Optional<String>> setting) {
        String privateKeyFile = setting.apply("ecdsa.private_key").orElseThrow(() -> new IllegalStateException(
                "Please specify either kinto.signer.ecdsa.private_key or kinto.signer.ecdsa.public_key in the settings."));
        try {
            PrivateKey privateKey = privateKey(Files.readString(Path.of(privateKeyFile)));
            Optional<PublicKey> publicKey = Optional.empty();
            Optional<String> publicKeyFile = setting.apply("ecdsa.public_key");
            if (publicKeyFile.isPresent()) {
                publicKey = Optional.of(KeyFactory.getInstance("EC").generatePublic(
                        new X509EncodedKeySpec(pem(Files.readString(Path.of(publicKeyFile.get())), "PUBLIC KEY"))));
            }
            Optional<String> chain = setting.apply("ecdsa.certificate_chain");
            String x5u = setting.apply("ecdsa.x5u").orElse("");
            if (chain.isPresent() && x5u.isEmpty()) {
                PublicKey key = publicKey.orElseThrow(() -> new IllegalStateException(
                        "Setting kinto.signer.ecdsa.certificate_chain needs kinto.signer.ecdsa.public_key"));
                x5u = chains.publish(Files.readString(Path.of(chain.get())), key);
            }
            return new Signer(privateKey, publicKey, x5u);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Setting kinto.signer.ecdsa.private_key: cannot read the key "
                    + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    private record Signer(PrivateKey privateKey, Optional<PublicKey> publicKey, String x5u) implements ContentSigner {

        @Override
        public List<JsonObject> sign(byte[] payload) {
            try {
                Signature ecdsa = Signature.getInstance("SHA384withECDSAinP1363Format");
                ecdsa.initSign(privateKey);
                ecdsa.update(PREFIX);
                ecdsa.update(payload);
                JsonObjectBuilder signature = JSON.createObjectBuilder()
                        .add("signature", Base64.getUrlEncoder().encodeToString(ecdsa.sign()))
                        .add("x5u", x5u)
                        .add("mode", "p384ecdsa")
                        .add("ref", UUID.randomUUID().toString());
                publicKey.ifPresent(key -> signature.add("public_key",
                        Base64.getEncoder().encodeToString(key.getEncoded())));
                return List.of(signature.build());
            } catch (GeneralSecurityException e) {
                throw new SigningException("Local ECDSA signature failed: " + e.getMessage(), e);
            }
        }
    }

    static PrivateKey privateKey(String pemText) throws GeneralSecurityException {
        byte[] pkcs8 = pemText.contains("BEGIN EC PRIVATE KEY")
                ? pkcs8FromSec1(pem(pemText, "EC PRIVATE KEY"))
                : pem(pemText, "PRIVATE KEY");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static byte[] pem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END " + type + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
    }

    /** Wraps a SEC1 {@code ECPrivateKey} into the PKCS#8 structure the JDK reads. */
    private static byte[] pkcs8FromSec1(byte[] sec1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(EC_P384_ALGORITHM);
        body.writeBytes(der(0x04, sec1));
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >> shift) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}

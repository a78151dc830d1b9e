package org.jinto.plugins.signer;

import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Signs a collection's canonical JSON; one signer per signed resource. */
public interface ContentSigner {

    /** What Autograph and kinto-signer's local signer put before the payload they sign. */
    byte[] PREFIX = "Content-Signature:\u0000".getBytes(StandardCharsets.US_ASCII);

    /**
     * The signatures of the payload (the prefix is added by the signer), each
     * {@code {signature, x5u, mode, ref?, public_key?}}.
     *
     * @throws SigningException when no signature could be obtained
     */
    List<JsonObject> sign(byte[] payload);
}

package org.jinto.plugins.signer;

import java.util.Optional;
import java.util.function.Function;

/**
 * A signing backend, a CDI bean qualified with {@link org.jinto.api.BackendName} by the last part of kinto-signer's
 * {@code signer_backend} value ({@code kinto_signer.signer.local_ecdsa} → {@code local_ecdsa}).
 */
public interface SignerBackend {

    /**
     * The signer of one resource.
     *
     * @param setting the resource's setting of that name ({@code ecdsa.private_key}), from its most specific prefix
     * @throws IllegalStateException when the settings are missing or unusable
     */
    ContentSigner load(Function<String, Optional<String>> setting);
}

package org.jinto.plugins.signer;

import org.jinto.api.storage.BackendException;

/**
 * A signature could not be made (the signing service failed or is unreachable): a backend failure, so the request
 * is answered 503 with Retry-After and nothing it changed is kept.
 */
public class SigningException extends BackendException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.jinto.plugins.signer;

/** A signature could not be made: the request fails with a 503 and nothing it changed is kept. */
public class SigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}

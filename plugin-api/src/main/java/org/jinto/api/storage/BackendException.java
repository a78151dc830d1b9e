package org.jinto.api.storage;

/** A backend (database, cache server) failed or is unreachable: answered as 503 errno 201. */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}

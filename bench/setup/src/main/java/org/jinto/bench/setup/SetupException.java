package org.jinto.bench.setup;

/** The data could not be prepared as the scenarios need it: the run stops with this message. */
public class SetupException extends RuntimeException {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.jinto.plugins.signer;

import java.util.Arrays;
import java.util.Optional;

/** The review states of a source collection's {@code status} field, as kinto-signer names them. */
enum Status {
    WORK_IN_PROGRESS("work-in-progress"),
    TO_REVIEW("to-review"),
    TO_SIGN("to-sign"),
    SIGNED("signed"),
    TO_ROLLBACK("to-rollback"),
    TO_RESIGN("to-resign");

    private final String value;

    Status(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** The state named by a status value; empty for an unknown value. */
    static Optional<Status> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}

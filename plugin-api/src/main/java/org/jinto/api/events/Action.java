package org.jinto.api.events;

import java.util.Arrays;

/** What happened to the objects of a resource event (Kinto's {@code ACTIONS}). */
public enum Action {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    READ("read");

    private final String value;

    Action(String value) {
        this.value = value;
    }

    /** The lowercase name used in event payloads and settings, e.g. {@code create}. */
    public String value() {
        return value;
    }

    /** @throws IllegalArgumentException naming the value if it is not one of Kinto's actions */
    public static Action fromValue(String value) {
        return Arrays.stream(values())
                .filter(action -> action.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown action: " + value));
    }
}

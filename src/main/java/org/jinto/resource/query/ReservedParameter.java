package org.jinto.resource.query;

/**
 * A query-string parameter with a meaning of its own (Kinto's {@code QuerySchema} fields: {@code _limit},
 * {@code _sort}, {@code _since}...), and the type its value is read as.
 */
public record ReservedParameter(String name, Kind kind) {

    public enum Kind { INTEGER, STRING, FIELD_LIST }
}

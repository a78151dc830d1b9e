package org.jinto.api.storage;

/** Kinto's filter operators, written as query string prefixes ({@code gt_age=3}). */
public enum Operator {
    EQ("eq"), NOT("not"), LT("lt"), GT("gt"), MIN("min"), MAX("max"),
    IN("in"), EXCLUDE("exclude"), LIKE("like"), HAS("has"), CONTAINS("contains"), CONTAINS_ANY("contains_any");

    private final String prefix;

    Operator(String prefix) {
        this.prefix = prefix;
    }

    /** The query-string prefix without the trailing underscore, e.g. {@code contains_any}. */
    public String prefix() {
        return prefix;
    }
}

package org.jinto.api.storage;

/** One sort key: a dotted field path and a direction (1 ascending, -1 descending). */
public record Sort(String field, int direction) {
}

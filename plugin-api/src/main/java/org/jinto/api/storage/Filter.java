package org.jinto.api.storage;

import jakarta.json.JsonValue;

/**
 * One condition on an object field. {@code field} is a dotted path ({@code author.name}); {@code id} and
 * {@code last_modified} are the object's own id and timestamp. For IN/EXCLUDE/CONTAINS/CONTAINS_ANY the value
 * is a JSON array; for HAS a JSON boolean.
 */
public record Filter(String field, JsonValue value, Operator operator) {
}

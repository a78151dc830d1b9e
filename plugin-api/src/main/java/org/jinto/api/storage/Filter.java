package org.jinto.api.storage;

import jakarta.json.JsonValue;

/**
 * One condition on an object field. {@code field} is a dotted path ({@code author.name}); {@code id} and
 * {@code last_modified} are the object's own id and timestamp. For IN/EXCLUDE/CONTAINS/CONTAINS_ANY the value
 * is a JSON array; for HAS a JSON boolean.
 * <p>
 * In {@link Query#paginationRules()} only, {@code value} may be Java null: the field was absent from the last object
 * of the previous page (Kinto's MISSING), a value that sorts after every JSON value (EQ matches absent fields,
 * LT matches present ones, GT matches nothing).
 */
public record Filter(String field, JsonValue value, Operator operator) {
}

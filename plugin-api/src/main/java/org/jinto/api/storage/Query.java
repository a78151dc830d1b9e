package org.jinto.api.storage;

import java.util.List;

/**
 * What a list or plural delete selects.
 *
 * @param filters         all must hold (AND)
 * @param sorting         sort keys, most significant first
 * @param paginationRules alternatives (OR) of conjunctions (AND): Kinto's keyset pagination
 * @param limit           maximum number of objects, or null for all
 * @param includeDeleted  also return tombstones {@code {id, last_modified, deleted: true}}
 */
public record Query(List<Filter> filters, List<Sort> sorting, List<List<Filter>> paginationRules,
                    Integer limit, boolean includeDeleted) {

    public static Query all() {
        return new Query(List.of(), List.of(), List.of(), null, false);
    }
}

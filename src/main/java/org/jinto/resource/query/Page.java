package org.jinto.resource.query;

import org.jinto.api.storage.Filter;

import java.util.List;

/**
 * Where a page starts.
 *
 * @param rules  Kinto's pagination rules: alternatives (OR) of conjunctions (AND) selecting the objects after the
 *               last one of the previous page; empty for the first page
 * @param offset how many objects the previous pages fetched
 */
public record Page(List<List<Filter>> rules, long offset) {

    public static final Page FIRST = new Page(List.of(), 0);
}

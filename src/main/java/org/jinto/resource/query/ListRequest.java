package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Sort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A plural request's query string, read as Kinto reads it.
 *
 * @param filters        the filters, in query string order (all must hold)
 * @param sorting        the sort keys, ending with {@code last_modified} descending unless the client sorted on it
 * @param limit          the page size: {@code _limit} capped by {@code paginate_by} and the max fetch size
 * @param fields         the {@code _fields} projection (without {@code id}/{@code last_modified}), or null for all
 * @param token          the {@code _token} given, or null (see {@link Pagination#resume})
 * @param includeDeleted true when a filter is on {@code last_modified}: tombstones are listed too
 * @param alert          the {@code Alert} response header Kinto adds ({@code _to} is deprecated), if any
 */
public record ListRequest(List<Filter> filters, List<Sort> sorting, int limit, List<String> fields, String token,
                          boolean includeDeleted, Optional<String> alert) {

    /** The same request with each filter replaced by {@code change(filter)}. */
    public ListRequest mapFilters(UnaryOperator<Filter> change) {
        return new ListRequest(filters.stream().map(change).toList(), sorting, limit, fields, token, includeDeleted,
                alert);
    }

    /**
     * Restricts the list to the objects the user may read without a permission on the whole list (Kinto's
     * {@code shared_ids}): an {@code in_id} filter placed first.
     */
    public ListRequest withSharedIds(Collection<String> ids) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        ids.forEach(array::add);
        List<Filter> restricted = new ArrayList<>();
        restricted.add(new Filter("id", array.build(), Operator.IN));
        restricted.addAll(filters);
        return new ListRequest(List.copyOf(restricted), sorting, limit, fields, token, includeDeleted, alert);
    }
}

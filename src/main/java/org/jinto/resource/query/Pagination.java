package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.storage.FieldPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kinto's keyset pagination. A page is fetched with one extra object ({@code limit + 1}) to know whether another
 * page follows; the {@code Next-Page} URL carries a {@link PaginationToken} with the sort values of the last object
 * answered, from which the next request rebuilds the rules selecting the objects after it.
 * <p>
 * As in Kinto, a plural DELETE's token is single-use: its nonce is kept in the cache for
 * {@code kinto.pagination_token_validity_seconds} and consumed when used, so a replayed or expired token is a 400.
 * A GET token can be followed again (retrying a page is harmless). A token that does not decode is a 400
 * {@code _token has invalid content}, never a server error.
 */
public final class Pagination {

    public static final long DEFAULT_TOKEN_VALIDITY_SECONDS = 600;

    private final Cache cache;
    private final long tokenValiditySeconds;

    public Pagination(Cache cache, long tokenValiditySeconds) {
        this.cache = cache;
        this.tokenValiditySeconds = tokenValiditySeconds;
    }

    public static Pagination fromSettings(Cache cache, Settings settings) {
        return new Pagination(cache,
                settings.getLong("kinto.pagination_token_validity_seconds", DEFAULT_TOKEN_VALIDITY_SECONDS));
    }

    /**
     * Where the requested page starts ({@link Page#FIRST} without {@code _token}).
     * @param delete true for a plural DELETE: the token's nonce must still be in the cache, and is consumed
     */
    public Page resume(ListRequest request, boolean delete) {
        if (request.token() == null) {
            return Page.FIRST;
        }
        PaginationToken token = PaginationToken.decode(request.token())
                .orElseThrow(() -> invalidToken("_token has invalid content"));
        if (delete && cache.delete(token.nonce()) == null) {
            throw invalidToken("_token was already used or has expired.");
        }
        return new Page(rules(request.sorting(), token.lastObject()), token.offset());
    }

    private static RuntimeException invalidToken(String description) {
        return InvalidParameters.of("querystring", null, description);
    }

    /** The storage query of a GET/HEAD page: filters, sorting, the page's rules, {@code limit + 1} objects. */
    public Query pageQuery(ListRequest request, Page page) {
        return new Query(request.filters(), request.sorting(), page.rules(), request.limit() + 1,
                request.includeDeleted());
    }

    /** The storage query of a plural DELETE: at most {@code limit} live objects. */
    public Query deleteQuery(ListRequest request, Page page) {
        return new Query(request.filters(), request.sorting(), page.rules(), request.limit(), false);
    }

    /** The page to answer from the objects fetched with {@link #pageQuery}, and its {@code Next-Page}. */
    public PageResult page(ListRequest request, Page page, List<JsonObject> fetched, NextPageLink link) {
        int limit = request.limit();
        if (fetched.size() <= limit) {
            return new PageResult(List.copyOf(fetched), Optional.empty());
        }
        JsonObject last = fetched.get(limit - 1);
        String next = link.url(limit, token(request.sorting(), last, page.offset() + fetched.size(), false));
        return new PageResult(List.copyOf(fetched.subList(0, limit)), Optional.of(next));
    }

    /**
     * The {@code Next-Page} of a plural DELETE: when the objects fetched with {@link #pageQuery} outnumber the limit,
     * the next page starts after the last object deleted. Its token is single-use.
     */
    public Optional<String> nextPageAfterDelete(ListRequest request, Page page, List<JsonObject> fetched,
                                                List<JsonObject> deleted, NextPageLink link) {
        if (deleted.isEmpty() || fetched.size() <= request.limit()) {
            return Optional.empty();
        }
        JsonObject last = deleted.get(deleted.size() - 1);
        return Optional.of(link.url(request.limit(), token(request.sorting(), last, page.offset(), true)));
    }

    private String token(List<Sort> sorting, JsonObject last, long offset, boolean delete) {
        JsonObjectBuilder values = JSON.createObjectBuilder();
        for (Sort sort : sorting) {
            JsonValue value = FieldPath.find(last, sort.field());
            if (value != null) {
                values.add(sort.field(), value);
            }
        }
        PaginationToken token = PaginationToken.create(values.build(), offset);
        if (delete) {
            cache.set(token.nonce(), "", tokenValiditySeconds);
        }
        return token.encode();
    }

    /**
     * Kinto's {@code _build_pagination_rules}: for sorting (a, b, c) after the object o, the objects with
     * (a = o.a, b = o.b, c after o.c) or (a = o.a, b after o.b) or (a after o.a). A field absent from the last
     * object is a filter value of Java null (Kinto's MISSING, which sorts after every value).
     */
    static List<List<Filter>> rules(List<Sort> sorting, JsonObject lastObject) {
        List<List<Filter>> rules = new ArrayList<>();
        for (int size = sorting.size(); size > 0; size--) {
            List<Filter> rule = new ArrayList<>();
            for (Sort equal : sorting.subList(0, size - 1)) {
                rule.add(new Filter(equal.field(), lastObject.get(equal.field()), Operator.EQ));
            }
            Sort after = sorting.get(size - 1);
            rule.add(new Filter(after.field(), lastObject.get(after.field()),
                    after.direction() == -1 ? Operator.LT : Operator.GT));
            rules.add(List.copyOf(rule));
        }
        return List.copyOf(rules);
    }
}

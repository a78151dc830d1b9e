package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Query;
import org.jinto.resource.query.ListRequest;
import org.jinto.resource.query.NextPageLink;
import org.jinto.resource.query.Page;
import org.jinto.resource.query.PageResult;
import org.jinto.resource.query.Pagination;
import org.jinto.resource.query.Projection;

import java.util.List;

/**
 * Kinto's plural {@code GET} and {@code HEAD} over any source of objects: preconditions against the list timestamp
 * (304, 412), keyset pagination with {@code Next-Page}, the {@code _fields} projection, counts on {@code HEAD},
 * {@code ETag}, {@code Last-Modified} and cache headers. The engine answers its stored lists with it, a
 * {@link ComputedList} the objects it computes.
 */
@ApplicationScoped
public class ListAnswers {

    @Inject
    Cache cache;
    @Inject
    Settings settings;

    /** The objects of one list. */
    public interface Source {

        /** The list's timestamp, its {@code ETag}. */
        long timestamp();

        /** The objects a query selects (filters, sorting, pagination rules, limit). */
        List<JsonObject> list(Query query);

        /** How many objects pass the filters. */
        long count(List<Filter> filters);

        /** The objects of the page answered, before projection (the engine reports them to its listeners). */
        default void listed(List<JsonObject> objects) {
        }
    }

    /**
     * Answers a plural {@code GET}, or {@code HEAD} with the count headers only.
     *
     * @param pluralUri the list's URI below {@code /v1}, base of {@code Next-Page}
     * @param expires   seconds an anonymous reader may cache the answer, null for none
     */
    public ApiResponse answer(ApiRequest request, ListRequest list, Source source, String pluralUri, Long expires) {
        Preconditions preconditions = Preconditions.of(request);
        long timestamp = source.timestamp();
        try {
            preconditions.raiseIfNotModified(null, source::timestamp);
        } catch (Preconditions.NotModified notModified) {
            return ObjectResponses.withTimestamp(ObjectResponses.empty(304), notModified.timestamp);
        }
        preconditions.raiseIfModified(true, null, source::timestamp);
        Pagination pagination = Pagination.fromSettings(cache, settings);
        Page page = pagination.resume(list, false);
        ApiResponse response;
        if ("HEAD".equals(request.method())) {
            long count = source.count(list.filters());
            response = ObjectResponses.empty(200)
                    .header("Total-Objects", String.valueOf(count))
                    .header("Total-Records", String.valueOf(count));
        } else {
            List<JsonObject> fetched = source.list(pagination.pageQuery(list, page));
            PageResult result = pagination.page(list, page, fetched,
                    new NextPageLink(request.baseUrl() + pluralUri, request.query()));
            List<JsonObject> objects = list.fields() == null ? result.objects()
                    : result.objects().stream().map(o -> Projection.project(o, list.fields())).toList();
            source.listed(result.objects());
            response = ObjectResponses.list(objects);
            result.nextPage().ifPresent(url -> response.header("Next-Page", url));
        }
        list.alert().ifPresent(alert -> response.header("Alert", alert));
        CacheHeaders.apply(response, expires);
        return ObjectResponses.withTimestamp(response, timestamp);
    }
}

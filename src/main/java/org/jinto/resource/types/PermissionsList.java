package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;
import org.jinto.auth.Identity;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.Authorizer;
import org.jinto.resource.CacheHeaders;
import org.jinto.resource.ComputedList;
import org.jinto.resource.ListAnswers;
import org.jinto.resource.query.ListOptions;
import org.jinto.resource.query.ListRequest;
import org.jinto.resource.query.ListRequestParser;
import org.jinto.storage.InMemoryQueries;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/permissions} ({@code kinto.experimental_permissions_endpoint}): the {@link PermissionEntries} of
 * the caller, filtered, sorted and paginated in memory like any list, as Kinto's {@code Permissions} resource. Its
 * entries have no timestamps: filters and sorts on {@code last_modified} are dropped, the default order is
 * {@code uri} descending, and the {@code ETag} is the timestamp of the (empty) {@code permissions} resource in
 * storage, which Kinto's resource creates when first read.
 */
@ApplicationScoped
public class PermissionsList implements ComputedList {

    static final String PATH = "/permissions";
    private static final String RESOURCE_NAME = "permissions";
    private static final String URI = "uri";
    private static final String MODIFIED = "last_modified";
    /** Kinto's {@code PermissionsSchema}: the only fields filters, sorts and {@code _fields} may name. */
    private static final Set<String> FIELDS = Set.of(URI, "resource_name", "permissions", "bucket_id",
            "collection_id", "group_id", "record_id");

    @Inject
    PermissionsEndpointCapability endpoint;
    @Inject
    PermissionEntries entries;
    @Inject
    ListAnswers lists;
    @Inject
    Storage storage;
    @Inject
    Settings settings;
    @Inject
    Authorizer authorizer;

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public boolean enabled() {
        return endpoint.enabled();
    }

    @Override
    public ApiResponse list(ApiRequest request) {
        Identity identity = request.identity();
        authorize(identity);
        ListOptions options = ListOptions.fromSettings(settings).withKnownFields(FIELDS);
        ListRequest list = withoutTimestamps(new ListRequestParser(options).forGet(request.query()));
        List<JsonObject> objects = entries.of(identity.principals());
        ListAnswers.Source computed = new ListAnswers.Source() {
            @Override
            public long timestamp() {
                return storage.resourceTimestamp(RESOURCE_NAME, "");
            }

            @Override
            public List<JsonObject> list(Query query) {
                return InMemoryQueries.select(objects, query);
            }

            @Override
            public long count(List<Filter> filters) {
                return InMemoryQueries.select(objects, new Query(filters, List.of(), List.of(), null, false)).size();
            }
        };
        Long expires = identity.authenticated() ? null : CacheHeaders.expiresSetting(settings, RESOURCE_NAME);
        return lists.answer(request, list, computed, PATH, expires);
    }

    /** Kinto lets everyone read this endpoint unless {@code kinto.permissions_read_principals} says otherwise. */
    private void authorize(Identity identity) {
        List<String> allowed = settings.getList("kinto." + RESOURCE_NAME + "_read_principals");
        if (allowed.stream().noneMatch(identity.principals()::contains)) {
            throw identity.authenticated() ? Authorizer.forbidden() : authorizer.unauthorized();
        }
    }

    /** Without {@code last_modified} filters and sorts; sorted on {@code uri} last, unique, for pagination. */
    private static ListRequest withoutTimestamps(ListRequest list) {
        List<Filter> filters = list.filters().stream().filter(f -> !MODIFIED.equals(f.field())).toList();
        List<Sort> sorting = new ArrayList<>(list.sorting().stream().filter(s -> !MODIFIED.equals(s.field())).toList());
        if (sorting.stream().noneMatch(s -> URI.equals(s.field()))) {
            sorting.add(new Sort(URI, -1));
        }
        return new ListRequest(filters, List.copyOf(sorting), list.limit(), list.fields(), list.token(), false,
                list.alert());
    }
}

package org.jinto.resource.query;

import org.jinto.api.Settings;

import java.util.Set;

/**
 * What a plural endpoint allows when reading its query string.
 *
 * @param paginateBy   {@code kinto.paginate_by}: the largest page, or null for no default page size
 * @param maxFetchSize {@code kinto.storage_max_fetch_size}: the most objects one request may read
 * @param knownFields  the fields filters, sorting and {@code _fields} may name, or null when every field is known
 *                     (Kinto's {@code preserve_unknown} schemas: records, buckets, collections, groups)
 */
public record ListOptions(Integer paginateBy, int maxFetchSize, Set<String> knownFields) {

    public static final int DEFAULT_MAX_FETCH_SIZE = 10000;

    public static ListOptions fromSettings(Settings settings) {
        Integer paginateBy = settings.get("kinto.paginate_by")
                .map(String::strip)
                .filter(value -> !value.isEmpty() && !value.equalsIgnoreCase("none"))
                .map(Integer::valueOf)
                .orElse(null);
        int maxFetchSize = (int) settings.getLong("kinto.storage_max_fetch_size", DEFAULT_MAX_FETCH_SIZE);
        return new ListOptions(paginateBy, maxFetchSize, null);
    }

    /** The same options for a resource whose schema limits its fields ({@code id}, {@code last_modified} and
     *  {@code deleted} are always known). */
    public ListOptions withKnownFields(Set<String> fields) {
        return new ListOptions(paginateBy, maxFetchSize, fields);
    }

    boolean isKnown(String field) {
        if (knownFields == null) {
            return true;
        }
        String root = field.split("\\.", 2)[0];
        return knownFields.contains(root) || root.equals("id") || root.equals("last_modified")
                || root.equals("deleted");
    }
}

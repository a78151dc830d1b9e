package org.jinto.api.resource;

import jakarta.json.JsonValue;
import org.jinto.api.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kinto resource a plugin adds to the API, as Kinto's {@code @resource.register} does: a CDI bean of this type
 * makes the server serve its objects (kept in storage under the parent URI, e.g. {@code /buckets/b1}) with the
 * same listing, filtering, sorting, pagination, conditional requests and permission checks as the built-in
 * resources, and fire the same resource events.
 */
public interface ResourceDeclaration {

    /** The resource name, used in storage, permissions and events, e.g. {@code history}. */
    String name();

    /** The plural endpoint below {@code /v1}, with the parent ids as placeholders: {@code /buckets/{bucket_id}/history}. */
    String pluralPath();

    /** The methods of the plural endpoint, among {@code HEAD, GET, POST, DELETE}. */
    default List<String> pluralMethods() {
        return List.of("HEAD", "GET", "POST", "DELETE");
    }

    /** Whether each object has its own endpoint ({@code pluralPath/{id}}). */
    default boolean objectEndpoint() {
        return true;
    }

    /** The permissions an object can be given, e.g. {@code read, write}. */
    List<String> permissions();

    /**
     * Kinto's permission inheritance for this resource: permission → (related resource name → the permissions on it
     * that grant it), e.g. {@code read → {bucket: [write, read], history: [write, read]}}.
     */
    Map<String, Map<String, List<String>>> inheritance();

    /**
     * The fields of its objects that filters, sorting and {@code _fields} may name (a Kinto schema without
     * {@code preserve_unknown}: other names answer 400 "Unknown filter field"), or empty when any field may be named.
     */
    default Optional<Set<String>> knownFields() {
        return Optional.empty();
    }

    /** Whether the settings enable the resource (usually: whether they enable its plugin). */
    default boolean isEnabled(Settings settings) {
        return true;
    }

    /**
     * The value a query-string filter on {@code field} compares with, given the value read from the query string
     * (Kinto's {@code _extract_filters} override), e.g. to compare ids as strings even when they look like numbers.
     */
    default JsonValue filterValue(String field, JsonValue value) {
        return value;
    }
}

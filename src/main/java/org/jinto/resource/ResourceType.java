package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.storage.Filter;
import org.jinto.reads.ObjectKey;
import org.jinto.resource.errors.ErrorDetail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of object served by the generic {@link ResourceEngine} (Kinto's {@code @resource.register} classes):
 * where it lives, which permissions it has, how its ids look and what it checks. Implementations are CDI beans;
 * the {@link ApiRouter} serves every enabled one.
 */
public abstract class ResourceType {

    private PathTemplate template;

    /** The resource name ({@code bucket}, {@code record}), used in storage, permissions and settings. */
    public abstract String name();

    /** The plural endpoint's path template, e.g. {@code /buckets/{bucket_id}/collections}. */
    protected abstract String pluralPath();

    /**
     * The permissions an object of this type can be given: {@code read} and {@code write}, as Kinto's leaf types
     * (groups, records, accounts); containers add their children's {@code create} ({@code record:create}).
     */
    public List<String> permissions() {
        return List.of("read", "write");
    }

    /**
     * Kinto's permission inheritance for this type: permission → (related resource name → the permissions on it
     * that grant it), e.g. {@code read → {bucket: [write, read], collection: [write, read]}}. The related resource
     * is this type or one of its ancestors in the URI.
     */
    public abstract Map<String, Map<String, List<String>>> inheritance();

    public IdGenerator idGenerator() {
        return IdGenerator.NAME;
    }

    /** The methods of the plural endpoint. */
    public List<String> pluralMethods() {
        return List.of("HEAD", "GET", "POST", "DELETE");
    }

    /** Whether objects have their own endpoint ({@code pluralPath/{id}}). */
    public boolean hasObjectEndpoint() {
        return true;
    }

    /** The filter the storage applies for a query-string filter (Kinto's {@code _extract_filters} override). */
    public Filter filter(Filter fromQuery) {
        return fromQuery;
    }

    /**
     * The fields filters, sorting and {@code _fields} may name ({@code id}, {@code last_modified}, {@code deleted}
     * always may), or empty when every field is known (Kinto's {@code preserve_unknown} schemas).
     */
    public Optional<Set<String>> knownFields() {
        return Optional.empty();
    }

    /** Whether the type is served with these settings (plugins are enabled through {@code kinto.includes}). */
    public boolean enabled(Settings settings) {
        return true;
    }

    public PathTemplate template() {
        if (template == null) {
            template = new PathTemplate(pluralPath());
        }
        return template;
    }

    /**
     * The storage parent id of the objects addressed by the request: by default the URI of the parent object
     * ({@code /buckets/b1} for collections), empty for top-level types.
     */
    public String parentId(RequestContext context) {
        return context.route().parentUri();
    }

    /**
     * The principal written as owner ({@code write}) of what the request creates: the caller's user id, or
     * {@code system.Everyone} when anonymous.
     */
    public String currentPrincipal(RequestContext context) {
        return context.identity().authenticated() ? context.identity().userId() : org.jinto.auth.Identity.EVERYONE;
    }

    /**
     * Checks made as soon as the resource is addressed, before authorization for writes (Kinto's resource
     * constructor), e.g. that the parent collection of records exists.
     */
    public void checkAddressable(RequestContext context) {
        // Most types need nothing.
    }

    /**
     * The stored parents {@link #checkAddressable} reads, to be read ahead with a read request's other data
     * (e.g. the collection of records); none by default.
     */
    public List<ObjectKey> addressableParents(RequestContext context) {
        return List.of();
    }

    /**
     * Validates the {@code data} of a create or replace against this type's schema (Kinto's colander schema) and
     * fills defaults, adding an error per problem.
     *
     * @param prefix error name prefix: {@code "data."} when validating the request body, empty after a PATCH
     */
    public JsonObject validate(JsonObject data, String prefix, List<ErrorDetail> errors) {
        return data;
    }

    /** Kinto's {@code process_object}: the object about to be stored, after the generic processing. */
    public JsonObject process(RequestContext context, JsonObject object, JsonObject old) {
        return object;
    }

    /** Kinto's per-view cache headers for anonymous reads: seconds, or null to use the settings. */
    public Long cacheExpires(RequestContext context) {
        return null;
    }
}

package org.jinto.resource;

import java.util.Map;

/**
 * What a request path addresses: a resource type, its plural endpoint or one object, and the ids in the path.
 *
 * @param ids parent ids by name ({@code bucket_id}) and, on object endpoints, {@code id}
 */
public record Route(ResourceType type, boolean plural, Map<String, String> ids) {

    public Route {
        ids = Map.copyOf(ids);
    }

    /** The object id of an object endpoint, null on the plural endpoint. */
    public String objectId() {
        return ids.get(PathTemplate.ID);
    }

    public String pluralUri() {
        return type.template().pluralUri(ids);
    }

    public String objectUri(String id) {
        return type.template().objectUri(ids, id);
    }

    /** The URI of the parent object ({@code /buckets/b1} for a collection), empty for top-level types. */
    public String parentUri() {
        String plural = pluralUri();
        return plural.substring(0, plural.lastIndexOf('/'));
    }

    /** Kinto's event ids: the parent ids, and the object's own id under {@code <resource>_id}. */
    public Map<String, String> eventIds(String objectId) {
        java.util.LinkedHashMap<String, String> result = new java.util.LinkedHashMap<>();
        for (String name : type.template().parentIdNames()) {
            result.put(name, ids.get(name));
        }
        if (objectId != null) {
            result.put(type.name() + "_id", objectId);
        }
        return result;
    }
}

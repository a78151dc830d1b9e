package org.jinto.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plural endpoint path such as {@code /buckets/{bucket_id}/collections}: matches request paths of the plural
 * endpoint and of its objects ({@code .../collections/{id}}) and builds URIs back from ids.
 */
public final class PathTemplate {

    /** The placeholder name of the object id on object endpoints. */
    public static final String ID = "id";

    private final List<String> segments;

    PathTemplate(String pluralPath) {
        this.segments = List.of(pluralPath.substring(1).split("/"));
    }

    /** The ids named by the path, or null if it does not match; {@code objectEndpoint} adds the {@code id}. */
    Map<String, String> match(List<String> pathSegments, boolean objectEndpoint) {
        int expected = segments.size() + (objectEndpoint ? 1 : 0);
        if (pathSegments.size() != expected) {
            return null;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String actual = pathSegments.get(i);
            if (isPlaceholder(segment)) {
                ids.put(segment.substring(1, segment.length() - 1), actual);
            } else if (!segment.equals(actual)) {
                return null;
            }
        }
        if (objectEndpoint) {
            ids.put(ID, pathSegments.get(segments.size()));
        }
        return ids;
    }

    /** The plural endpoint URI with the ids filled in ({@code /buckets/b1/collections}). */
    public String pluralUri(Map<String, String> ids) {
        List<String> parts = new ArrayList<>();
        for (String segment : segments) {
            parts.add(isPlaceholder(segment) ? ids.get(segment.substring(1, segment.length() - 1)) : segment);
        }
        return "/" + String.join("/", parts);
    }

    /** The URI of one object ({@code /buckets/b1/collections/c1}). */
    public String objectUri(Map<String, String> ids, String id) {
        return pluralUri(ids) + "/" + id;
    }

    /** The names of the parent ids in URI order ({@code bucket_id}, {@code collection_id}). */
    public List<String> parentIdNames() {
        return segments.stream().filter(PathTemplate::isPlaceholder)
                .map(s -> s.substring(1, s.length() - 1)).toList();
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}

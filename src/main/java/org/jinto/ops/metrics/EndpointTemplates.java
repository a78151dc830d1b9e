package org.jinto.ops.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the endpoint of a request for metrics with a route template rather than its raw path, so that the
 * number of series stays bounded: Kinto's object URLs by their shape
 * ({@code /buckets/{bucket_id}/collections/{collection_id}/records/{id}}), other endpoints by the path
 * template of the JAX-RS method that answered, and everything else (unknown URLs) as {@code unknown}.
 */
public final class EndpointTemplates {

    public static final String UNKNOWN = "unknown";
    private static final String API_PREFIX = "/v1";
    /** Which plural endpoints sit under which parent ("" is the root). */
    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "", Set.of("buckets", "accounts"),
            "buckets", Set.of("collections", "groups", "history"),
            "collections", Set.of("records"));
    /** Plural endpoints that have no object URL below them. */
    private static final Set<String> WITHOUT_OBJECTS = Set.of("history");
    private static final Map<String, String> PARENT_ID = Map.of(
            "buckets", "bucket_id",
            "collections", "collection_id");
    private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:[^}]*}");

    private EndpointTemplates() {
    }

    /**
     * @param path            the request path, with or without the {@code /v1} prefix
     * @param matchedTemplate the JAX-RS template that answered, or null when none matched
     */
    public static String resolve(String path, String matchedTemplate) {
        return objectTemplate(withoutApiPrefix(path))
                .or(() -> Optional.ofNullable(matchedTemplate).map(EndpointTemplates::withoutRegex))
                .orElse(UNKNOWN);
    }

    /** {@code /buckets/b1/collections} → {@code /buckets/{bucket_id}/collections}; empty if not an object URL. */
    static Optional<String> objectTemplate(String path) {
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/");
        StringBuilder template = new StringBuilder();
        String parent = "";
        for (int i = 0; i < segments.length; i += 2) {
            String plural = segments[i];
            if (!CHILDREN.getOrDefault(parent, Set.of()).contains(plural)) {
                return Optional.empty();
            }
            template.append('/').append(plural);
            if (i + 1 < segments.length) {
                if (WITHOUT_OBJECTS.contains(plural) || segments[i + 1].isEmpty()) {
                    return Optional.empty();
                }
                boolean last = i + 2 >= segments.length;
                template.append("/{").append(last ? "id" : PARENT_ID.getOrDefault(plural, "id")).append('}');
            }
            parent = plural;
        }
        return Optional.of(template.toString());
    }

    /** {@code /admin/{file: .+}} → {@code /admin/{file}}: the template as a label, without its regular expressions. */
    public static String withoutRegex(String template) {
        return REGEX_VARIABLE.matcher(template).replaceAll("{$1}");
    }

    private static String withoutApiPrefix(String path) {
        if (path.equals(API_PREFIX)) {
            return "/";
        }
        return path.startsWith(API_PREFIX + "/") ? path.substring(API_PREFIX.length()) : path;
    }
}

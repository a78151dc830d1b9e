package org.jinto.resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinto's permission inheritance ({@code kinto/authorization.py}): the (object URI, permission) pairs that grant a
 * permission on an object, e.g. reading {@code /buckets/b/collections/c} is granted by {@code write} or
 * {@code read} on the collection or on {@code /buckets/b}. Built from the enabled resource types.
 */
public final class PermissionTree {

    private final Map<String, Map<String, Map<String, List<String>>>> byResource;

    PermissionTree(Map<String, Map<String, Map<String, List<String>>>> byResource) {
        this.byResource = Map.copyOf(byResource);
    }

    /** Every (object URI, permission) pair that grants {@code permission} on {@code objectUri}, longest URI first. */
    public List<Map.Entry<String, String>> inherited(String objectUri, String permission) {
        Endpoint endpoint = Endpoint.of(objectUri);
        Map<String, Map<String, List<String>>> tree = byResource.get(endpoint.resourceName());
        if (tree == null) {
            return List.of();  // Not a resource URI (the root, /buckets): granted through settings only.
        }
        Map<String, List<String>> granters = endpoint.plural() ? null : tree.get(permission + ":attributes");
        if (granters == null) {
            granters = tree.get(permission);
        }
        if (granters == null) {
            return List.of();
        }
        Set<Map.Entry<String, String>> result = new LinkedHashSet<>();
        granters.forEach((relatedResource, permissions) -> {
            String relatedUri = relatedUri(relatedResource, objectUri);
            permissions.forEach(p -> result.add(Map.entry(relatedUri, p)));
        });
        List<Map.Entry<String, String>> sorted = new ArrayList<>(result);
        sorted.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return sorted;
    }

    /** The resource name an object URI designates, or empty for URIs that are not objects of a known type. */
    public static String resourceName(String objectUri) {
        return Endpoint.of(objectUri).resourceName();
    }

    private static String relatedUri(String resourceName, String objectUri) {
        String[] parts = objectUri.split("/", -1);
        for (int length = 0; length <= parts.length; length++) {
            String parent = String.join("/", java.util.Arrays.copyOfRange(parts, 0, length));
            if (Endpoint.of(parent).resourceName().equals(resourceName)) {
                return parent;
            }
        }
        throw new IllegalArgumentException("Cannot get URL of resource '" + resourceName + "' from '" + objectUri + "'");
    }

    /** Kinto's {@code _resource_endpoint}: {@code /buckets/b/collections} is the plural endpoint of the bucket. */
    private record Endpoint(String resourceName, boolean plural) {
        static Endpoint of(String uri) {
            String[] parts = uri.split("/", -1);
            boolean plural = parts.length % 2 == 0;
            int length = plural ? parts.length - 1 : parts.length;
            if (length <= 2) {
                return new Endpoint("", false);
            }
            return new Endpoint(parts[length - 2].replaceAll("s+$", ""), plural);
        }
    }
}

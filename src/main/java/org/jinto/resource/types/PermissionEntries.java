package org.jinto.resource.types;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Settings;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.resource.PermissionTree;
import org.jinto.resource.ResourceType;
import org.jinto.resource.ResourceTypes;
import org.jinto.resource.Route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code GET /v1/permissions} lists (Kinto's {@code PermissionsModel}): every object on which some principals
 * hold a permission, from the permission backend and from the {@code kinto.<resource>_<permission>_principals}
 * settings, each as {@code {uri, resource_name, permissions, <resource>_id...}} with the permissions its own
 * permissions imply on it. Create permissions of top-level types given by the settings make the {@code root}
 * entry ({@code uri} {@code /}).
 */
@ApplicationScoped
public class PermissionEntries {

    static final String ROOT = "root";
    private static final String ROOT_URI = "/";
    private static final List<String> SETTING_PERMISSIONS = List.of("create", "write", "read");
    /** The types whose objects Kinto enumerates for permissions given by the settings (not records nor accounts). */
    private static final List<String> ENUMERATED = List.of("bucket", "collection", "group");

    @Inject
    PermissionBackend permission;
    @Inject
    Storage storage;
    @Inject
    ResourceTypes types;
    @Inject
    Settings settings;

    /** The entries of the objects these principals hold permissions on, in no particular order. */
    public List<JsonObject> of(Collection<String> principals) {
        Map<String, Set<String>> byUri = new TreeMap<>();
        permission.getAccessibleObjects(principals, null)
                .forEach((uri, held) -> byUri.computeIfAbsent(uri, u -> new TreeSet<>()).addAll(held));
        Map<String, Set<String>> fromSettings = fromSettings(principals);
        if (fromSettings.containsKey(ROOT)) {
            byUri.computeIfAbsent(ROOT_URI, u -> new TreeSet<>()).addAll(fromSettings.get(ROOT));
        }
        addEnumerated(byUri, fromSettings);
        PermissionTree tree = types.permissionTree();
        List<JsonObject> entries = new ArrayList<>();
        byUri.forEach((uri, held) -> entry(uri, held, tree).ifPresent(entries::add));
        return entries;
    }

    /**
     * Kinto's {@code allowed_from_settings}: resource name to the permissions the settings give these principals
     * on every object of that type; {@code <type>:create} belongs to the parent type, {@code root} for top-level
     * types.
     */
    private Map<String, Set<String>> fromSettings(Collection<String> principals) {
        Map<String, Set<String>> result = new TreeMap<>();
        for (ResourceType type : types.enabled()) {
            for (String name : SETTING_PERMISSIONS) {
                List<String> allowed = settings.getList("kinto." + type.name() + "_" + name + "_principals");
                if (allowed.stream().noneMatch(principals::contains)) {
                    continue;
                }
                boolean create = "create".equals(name);
                String on = create ? parentName(type) : type.name();
                result.computeIfAbsent(on, r -> new TreeSet<>()).add(create ? type.name() + ":create" : name);
            }
        }
        return result;
    }

    private static String parentName(ResourceType type) {
        List<String> parents = type.template().parentIdNames();
        return parents.isEmpty() ? ROOT : parents.get(parents.size() - 1).replaceFirst("_id$", "");
    }

    /** Adds every bucket, and the collections and groups of every bucket, that the settings give permissions on. */
    private void addEnumerated(Map<String, Set<String>> byUri, Map<String, Set<String>> fromSettings) {
        List<String> granted = ENUMERATED.stream().filter(fromSettings::containsKey).toList();
        if (granted.isEmpty()) {
            return;
        }
        ResourceType buckets = types.byName("bucket").orElseThrow();
        for (JsonObject bucket : storage.listAll("bucket", "", Query.all())) {
            String bucketId = bucket.getString("id");
            String bucketUri = buckets.template().objectUri(Map.of(), bucketId);
            for (String resourceName : granted) {
                ResourceType type = types.byName(resourceName).orElseThrow();
                List<JsonObject> objects = type == buckets ? List.of(bucket)
                        : storage.listAll(resourceName, bucketUri, Query.all());
                for (JsonObject object : objects) {
                    String uri = type.template().objectUri(Map.of("bucket_id", bucketId), object.getString("id"));
                    byUri.computeIfAbsent(uri, u -> new TreeSet<>()).addAll(fromSettings.get(resourceName));
                }
            }
        }
    }

    /** The entry of an object URI; none for URIs that are not objects of an enabled type. */
    private Optional<JsonObject> entry(String uri, Set<String> held, PermissionTree tree) {
        JsonObjectBuilder entry = JSON.createObjectBuilder().add("uri", uri);
        String resourceName;
        if (ROOT_URI.equals(uri)) {
            resourceName = ROOT;
        } else {
            Optional<Route> route = types.route(uri).filter(r -> !r.plural());
            if (route.isEmpty()) {
                return Optional.empty();
            }
            resourceName = route.get().type().name();
            route.get().ids().forEach(entry::add);
            entry.add(resourceName + "_id", route.get().objectId());
        }
        Set<String> permissions = new TreeSet<>();
        held.forEach(p -> permissions.addAll(tree.grantedOnSelf(resourceName, p)));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        permissions.forEach(list::add);
        return Optional.of(entry.add("resource_name", resourceName).add("permissions", list).build());
    }
}

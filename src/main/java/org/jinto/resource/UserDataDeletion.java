package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.permission.PermissionBackend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kinto's user data deletion ({@code DELETE /__user_data__/{principal}}): what a principal owns is deleted, and the
 * principal leaves everything else. Kinto has no owners: a principal owns an object when it is the only one allowed
 * to write it. Owned objects are deleted as their own DELETE would (children, tombstones, events), one deletion per
 * parent and resource, an ancestor's deletion covering its descendants; the principal's other permissions and its
 * group memberships are removed.
 */
@ApplicationScoped
public class UserDataDeletion {

    @Inject
    PermissionBackend permission;
    @Inject
    ResourceTypes types;
    @Inject
    ResourceEngine engine;

    public void delete(ApiRequest request, String principal) {
        Map<String, Set<String>> accessible = permission.getAccessibleObjects(List.of(principal), null);
        List<String> uris = new ArrayList<>(accessible.keySet());
        List<Map<String, Set<String>>> writers = permission.getObjectsPermissions(uris, List.of("write"));
        Set<String> owned = new TreeSet<>();
        for (int i = 0; i < uris.size(); i++) {
            if (Set.of(principal).equals(writers.get(i).getOrDefault("write", Set.of()))) {
                owned.add(uris.get(i));
            }
        }
        accessible.forEach((uri, held) -> {
            if (!owned.contains(uri)) {
                held.forEach(name -> permission.removePrincipalFromAce(uri, name, principal));
            }
        });
        Map<Route, List<String>> idsByPlural = new LinkedHashMap<>();
        for (String uri : withoutDescendants(owned)) {
            Route route = types.route(uri).filter(r -> !r.plural()).orElse(null);
            if (route == null) {
                permission.deleteObjectPermissions(List.of(uri));  // Not an object of an enabled resource.
            } else {
                idsByPlural.computeIfAbsent(pluralOf(route), plural -> new ArrayList<>()).add(route.objectId());
            }
        }
        idsByPlural.forEach((plural, ids) -> engine.deleteObjects(request, plural, ids));
        permission.removePrincipal(principal);
        for (String group : permission.getUserPrincipals(principal)) {
            permission.removeUserPrincipal(principal, group);
        }
    }

    /** The URIs (sorted, so ancestors come first) without those below another of them: its deletion takes them. */
    private static List<String> withoutDescendants(Set<String> sorted) {
        List<String> kept = new ArrayList<>();
        for (String uri : sorted) {
            if (kept.stream().noneMatch(ancestor -> uri.startsWith(ancestor + "/"))) {
                kept.add(uri);
            }
        }
        return kept;
    }

    private static Route pluralOf(Route object) {
        Map<String, String> parentIds = new HashMap<>(object.ids());
        parentIds.remove(PathTemplate.ID);
        return new Route(object.type(), true, parentIds);
    }
}

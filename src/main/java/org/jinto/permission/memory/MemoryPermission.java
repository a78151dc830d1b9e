package org.jinto.permission.memory;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.api.BackendName;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.storage.ReadWriteGuard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Permissions in the JVM's memory: ACEs keyed by (object, permission), user principals by user id; one read-write
 * lock ({@link ReadWriteGuard}), reads never change the maps.
 */
@ApplicationScoped
@BackendName("memory")
public class MemoryPermission implements PermissionBackend {

    private static final String AUTHENTICATED = "system.Authenticated";

    /** object id → permission → principals. */
    private final Map<String, Map<String, Set<String>>> aces = new TreeMap<>();
    private final Map<String, Set<String>> userPrincipals = new HashMap<>();
    private final ReadWriteGuard guard = new ReadWriteGuard();

    @Override
    public void addUserPrincipal(String userId, String principal) {
        guard.writing(() -> userPrincipals.computeIfAbsent(userId, u -> new HashSet<>()).add(principal));
    }

    @Override
    public void removeUserPrincipal(String userId, String principal) {
        guard.writing(() -> {
            Set<String> principals = userPrincipals.get(userId);
            if (principals != null) {
                principals.remove(principal);
            }
        });
    }

    @Override
    public void removePrincipal(String principal) {
        guard.writing(() -> userPrincipals.values().forEach(p -> p.remove(principal)));
    }

    /** The user's groups, plus those whose members include {@code system.Authenticated} (as Kinto's backends). */
    @Override
    public Set<String> getUserPrincipals(String userId) {
        return guard.reading(() -> {
            Set<String> principals = new HashSet<>(userPrincipals.getOrDefault(userId, Set.of()));
            principals.addAll(userPrincipals.getOrDefault(AUTHENTICATED, Set.of()));
            return Set.copyOf(principals);
        });
    }

    @Override
    public void addPrincipalToAce(String objectId, String permission, String principal) {
        guard.writing(() -> aces.computeIfAbsent(objectId, o -> new TreeMap<>()).computeIfAbsent(permission, p -> new HashSet<>()).add(principal));
    }

    @Override
    public void removePrincipalFromAce(String objectId, String permission, String principal) {
        guard.writing(() -> {
            Map<String, Set<String>> perms = aces.get(objectId);
            if (perms != null && perms.containsKey(permission)) {
                perms.get(permission).remove(principal);
                if (perms.get(permission).isEmpty()) {
                    perms.remove(permission);
                }
            }
        });
    }

    @Override
    public Set<String> getObjectPermissionPrincipals(String objectId, String permission) {
        return guard.reading(() -> Set.copyOf(aces.getOrDefault(objectId, Map.of()).getOrDefault(permission, Set.of())));
    }

    @Override
    public Map<String, Set<String>> getObjectPermissions(String objectId, Collection<String> permissions) {
        return guard.reading(() -> {
            Map<String, Set<String>> result = new LinkedHashMap<>();
            aces.getOrDefault(objectId, Map.of()).forEach((permission, principals) -> {
                if ((permissions == null || permissions.contains(permission)) && !principals.isEmpty()) {
                    result.put(permission, Set.copyOf(principals));
                }
            });
            return result;
        });
    }

    @Override
    public List<Map<String, Set<String>>> getObjectsPermissions(List<String> objectIds,
                                                                Collection<String> permissions) {
        return guard.reading(() -> {
            List<Map<String, Set<String>>> result = new ArrayList<>();
            for (String objectId : objectIds) {
                result.add(getObjectPermissions(objectId, permissions));
            }
            return result;
        });
    }

    @Override
    public void replaceObjectPermissions(String objectId, Map<String, Set<String>> permissions) {
        guard.writing(() -> {
            Map<String, Set<String>> perms = aces.computeIfAbsent(objectId, o -> new TreeMap<>());
            permissions.forEach((permission, principals) -> {
                if (principals.isEmpty()) {
                    perms.remove(permission);
                } else {
                    perms.put(permission, new HashSet<>(principals));
                }
            });
        });
    }

    @Override
    public void deleteObjectPermissions(Collection<String> objectIds) {
        guard.writing(() -> {
            for (String pattern : objectIds) {
                Pattern regex = wildcard(pattern);
                aces.keySet().removeIf(id -> regex.matcher(id).matches());
            }
        });
    }

    @Override
    public Map<String, Set<String>> getAccessibleObjects(Collection<String> principals,
                                                         Collection<Map.Entry<String, String>> boundPermissions) {
        return guard.reading(() -> {
            Map<String, Set<String>> result = new TreeMap<>();
            aces.forEach((objectId, perms) -> perms.forEach((permission, holders) -> {
                boolean bound = boundPermissions == null || boundPermissions.stream().anyMatch(b ->
                        b.getValue().equals(permission) && wildcard(b.getKey()).matcher(objectId).matches());
                if (bound && holders.stream().anyMatch(principals::contains)) {
                    result.computeIfAbsent(objectId, o -> new HashSet<>()).add(permission);
                }
            }));
            return result;
        });
    }

    @Override
    public Set<String> getAuthorizedPrincipals(Collection<Map.Entry<String, String>> boundPermissions) {
        return guard.reading(() -> {
            Set<String> result = new HashSet<>();
            for (Map.Entry<String, String> bound : boundPermissions) {
                result.addAll(aces.getOrDefault(bound.getKey(), Map.of()).getOrDefault(bound.getValue(), Set.of()));
            }
            return result;
        });
    }

    @Override
    public boolean checkPermission(Collection<String> principals,
                                   Collection<Map.Entry<String, String>> boundPermissions) {
        return guard.reading(() -> getAuthorizedPrincipals(boundPermissions).stream().anyMatch(principals::contains));
    }

    @Override
    public void flush() {
        guard.writing(() -> {
            aces.clear();
            userPrincipals.clear();
        });
    }

    @Override
    public void ping() {
        // Memory is always reachable.
    }

    private static Pattern wildcard(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }
}

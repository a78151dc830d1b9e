package org.jinto.api.permission;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The permission backend contract, modelled on Kinto's {@code PermissionBase}. Objects are identified by
 * their URI without the version prefix ({@code /buckets/b1/collections/c1}); permissions are names such as
 * {@code read}, {@code write}, {@code collection:create}; principals are strings ({@code system.Everyone},
 * {@code account:alice}, {@code /buckets/b1/groups/g1}).
 * <p>
 * In {@link #getAccessibleObjects} and {@link #deleteObjectPermissions}, an object id may contain {@code *}
 * as a wildcard matching any characters ({@code /buckets/b1/collections/*}).
 */
public interface PermissionBackend {

    // Principals of a user (group memberships).
    void addUserPrincipal(String userId, String principal);

    void removeUserPrincipal(String userId, String principal);

    /** Removes the principal from every user. */
    void removePrincipal(String principal);

    Set<String> getUserPrincipals(String userId);

    // Access control entries.
    void addPrincipalToAce(String objectId, String permission, String principal);

    void removePrincipalFromAce(String objectId, String permission, String principal);

    Set<String> getObjectPermissionPrincipals(String objectId, String permission);

    /** {permission: principals} of one object, restricted to {@code permissions} if not null. */
    Map<String, Set<String>> getObjectPermissions(String objectId, Collection<String> permissions);

    /** For each object id, {permission: principals}; same order as the input, empty map when none. */
    java.util.List<Map<String, Set<String>>> getObjectsPermissions(java.util.List<String> objectIds,
                                                                   Collection<String> permissions);

    /** Replaces the listed permissions of an object (a permission with an empty set is removed). */
    void replaceObjectPermissions(String objectId, Map<String, Set<String>> permissions);

    /** Removes all ACEs of the given objects (wildcards allowed). */
    void deleteObjectPermissions(Collection<String> objectIds);

    /**
     * Objects on which one of {@code principals} holds one of the bound permissions.
     *
     * @param boundPermissions (object id or pattern, permission) pairs; null means any object, any permission
     * @return object id to the set of permissions held
     */
    Map<String, Set<String>> getAccessibleObjects(Collection<String> principals,
                                                  Collection<Map.Entry<String, String>> boundPermissions);

    /** Principals holding any of the bound (object id, permission) pairs. */
    Set<String> getAuthorizedPrincipals(Collection<Map.Entry<String, String>> boundPermissions);

    /** True if one of {@code principals} holds one of the bound (object id, permission) pairs. */
    boolean checkPermission(Collection<String> principals, Collection<Map.Entry<String, String>> boundPermissions);

    void flush();

    void ping();
}

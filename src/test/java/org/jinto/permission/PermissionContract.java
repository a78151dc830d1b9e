package org.jinto.permission;

import org.jinto.api.permission.PermissionBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantics every {@link PermissionBackend} must have (Kinto's {@code PermissionBase} and its memory backend),
 * tested through the interface only. A backend's test extends this class and provides {@link #newPermission()}.
 */
public abstract class PermissionContract {

    protected static final String BUCKET = "/buckets/b1";
    protected static final String COLLECTION = "/buckets/b1/collections/c1";
    protected static final String GROUP = "/buckets/b1/groups/g1";

    protected PermissionBackend permission;

    /** A permission backend to test; it is flushed before each test. */
    protected abstract PermissionBackend newPermission();

    @BeforeEach
    void setUpPermission() {
        permission = newPermission();
        permission.flush();
    }

    // User principals (group memberships).

    @Test
    void userPrincipalsAreAddedAndRemoved() {
        permission.addUserPrincipal("account:alice", GROUP);
        permission.addUserPrincipal("account:alice", "/buckets/b2/groups/g2");
        assertEquals(Set.of(GROUP, "/buckets/b2/groups/g2"), permission.getUserPrincipals("account:alice"));
        permission.removeUserPrincipal("account:alice", GROUP);
        assertEquals(Set.of("/buckets/b2/groups/g2"), permission.getUserPrincipals("account:alice"));
        permission.removeUserPrincipal("account:alice", "absent");
        assertEquals(Set.of(), permission.getUserPrincipals("account:nobody"));
    }

    @Test
    void removingAPrincipalRemovesItFromEveryUser() {
        permission.addUserPrincipal("account:alice", GROUP);
        permission.addUserPrincipal("account:bob", GROUP);
        permission.addUserPrincipal("account:bob", "/buckets/b1/groups/g2");
        permission.removePrincipal(GROUP);
        assertEquals(Set.of(), permission.getUserPrincipals("account:alice"));
        assertEquals(Set.of("/buckets/b1/groups/g2"), permission.getUserPrincipals("account:bob"));
    }

    @Test
    void groupsOfAuthenticatedUsersApplyToEveryUser() {
        permission.addUserPrincipal("system.Authenticated", GROUP);
        permission.addUserPrincipal("account:bob", "/buckets/b1/groups/g2");
        assertEquals(Set.of(GROUP), permission.getUserPrincipals("account:alice"));
        assertEquals(Set.of(GROUP, "/buckets/b1/groups/g2"), permission.getUserPrincipals("account:bob"));
    }

    // Access control entries.

    @Test
    void acesAreAddedAndRemovedOneByOne() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(BUCKET, "write", "account:bob");
        permission.addPrincipalToAce(BUCKET, "read", "system.Everyone");
        assertEquals(Set.of("account:alice", "account:bob"), permission.getObjectPermissionPrincipals(BUCKET, "write"));
        permission.removePrincipalFromAce(BUCKET, "write", "account:bob");
        permission.removePrincipalFromAce(BUCKET, "write", "absent");
        assertEquals(Set.of("account:alice"), permission.getObjectPermissionPrincipals(BUCKET, "write"));
        permission.removePrincipalFromAce(BUCKET, "read", "system.Everyone");
        assertEquals(Map.of("write", Set.of("account:alice")), permission.getObjectPermissions(BUCKET, null));
        assertEquals(Set.of(), permission.getObjectPermissionPrincipals("/buckets/none", "write"));
    }

    @Test
    void objectPermissionsCanBeRestrictedToSomeNames() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(BUCKET, "collection:create", "system.Authenticated");
        assertEquals(Map.of("write", Set.of("account:alice"), "collection:create", Set.of("system.Authenticated")),
                permission.getObjectPermissions(BUCKET, null));
        assertEquals(Map.of("collection:create", Set.of("system.Authenticated")),
                permission.getObjectPermissions(BUCKET, List.of("collection:create", "read")));
    }

    @Test
    void permissionsOfSeveralObjectsComeInTheGivenOrder() {
        permission.addPrincipalToAce(COLLECTION, "read", "account:bob");
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        assertEquals(List.of(Map.of("read", Set.of("account:bob")), Map.of(), Map.of("write", Set.of("account:alice"))),
                permission.getObjectsPermissions(List.of(COLLECTION, "/buckets/none", BUCKET), null));
    }

    @Test
    void replacingPermissionsOnlyTouchesTheNamedOnes() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(BUCKET, "read", "account:bob");
        permission.addPrincipalToAce(BUCKET, "group:create", "account:carol");
        permission.replaceObjectPermissions(BUCKET, Map.of("read", Set.of("account:dave", "account:eve"),
                "group:create", Set.of()));
        assertEquals(Map.of("write", Set.of("account:alice"), "read", Set.of("account:dave", "account:eve")),
                permission.getObjectPermissions(BUCKET, null));
    }

    @Test
    void deletingObjectPermissionsAcceptsWildcards() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(COLLECTION, "write", "account:alice");
        permission.addPrincipalToAce(COLLECTION + "/records/r1", "read", "account:bob");
        permission.addPrincipalToAce("/buckets/b10", "write", "account:alice");
        permission.deleteObjectPermissions(List.of(BUCKET + "/*"));
        assertEquals(Map.of(), permission.getObjectPermissions(COLLECTION, null));
        assertEquals(Map.of(), permission.getObjectPermissions(COLLECTION + "/records/r1", null));
        assertEquals(Map.of("write", Set.of("account:alice")), permission.getObjectPermissions(BUCKET, null));
        assertEquals(Map.of("write", Set.of("account:alice")), permission.getObjectPermissions("/buckets/b10", null));
        permission.deleteObjectPermissions(List.of(BUCKET, "/buckets/b10"));
        assertEquals(Map.of(), permission.getObjectPermissions(BUCKET, null));
        assertEquals(Map.of(), permission.getObjectPermissions("/buckets/b10", null));
    }

    // Queries across objects.

    @Test
    void accessibleObjectsMatchPrincipalsAndBoundPermissions() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce("/buckets/b2", "read", "account:bob");
        permission.addPrincipalToAce("/buckets/b3", "read", GROUP);
        permission.addPrincipalToAce(COLLECTION, "read", "account:bob");
        Map<String, Set<String>> bobs = permission.getAccessibleObjects(List.of("account:bob", GROUP),
                List.of(Map.entry("/buckets/*", "read"), Map.entry("/buckets/*", "write")));
        assertTrue(bobs.keySet().containsAll(Set.of("/buckets/b2", "/buckets/b3")));
        assertFalse(bobs.containsKey(BUCKET));
        assertEquals(Set.of("read"), bobs.get("/buckets/b2"));
        Map<String, Set<String>> exact = permission.getAccessibleObjects(List.of("account:bob"),
                List.of(Map.entry(COLLECTION, "read")));
        assertEquals(Map.of(COLLECTION, Set.of("read")), exact);
    }

    @Test
    void accessibleObjectsWithoutBoundsListEveryPermissionHeld() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(BUCKET, "read", "account:alice");
        permission.addPrincipalToAce(COLLECTION, "record:create", "system.Authenticated");
        permission.addPrincipalToAce("/buckets/b2", "read", "account:bob");
        assertEquals(Map.of(BUCKET, Set.of("write", "read"), COLLECTION, Set.of("record:create")),
                permission.getAccessibleObjects(List.of("account:alice", "system.Authenticated"), null));
    }

    @Test
    void authorizedPrincipalsAndChecksUseEveryBoundPermission() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addPrincipalToAce(COLLECTION, "read", "account:bob");
        List<Map.Entry<String, String>> readCollection = List.of(Map.entry(COLLECTION, "write"),
                Map.entry(COLLECTION, "read"), Map.entry(BUCKET, "write"), Map.entry(BUCKET, "read"));
        assertEquals(Set.of("account:alice", "account:bob"), permission.getAuthorizedPrincipals(readCollection));
        assertTrue(permission.checkPermission(List.of("account:bob", "system.Everyone"), readCollection));
        assertFalse(permission.checkPermission(List.of("account:carol", "system.Everyone"), readCollection));
        assertFalse(permission.checkPermission(List.of("account:bob"), List.of(Map.entry(BUCKET, "write"))));
    }

    @Test
    void flushRemovesAcesAndMemberships() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.addUserPrincipal("account:alice", GROUP);
        permission.flush();
        assertEquals(Map.of(), permission.getObjectPermissions(BUCKET, null));
        assertEquals(Set.of(), permission.getUserPrincipals("account:alice"));
    }
}

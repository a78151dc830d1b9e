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
 * <p>
 * Ported from Kinto 25.0.2's {@code kinto/core/permission/testing.py}: every case that applies to this interface.
 * Elsewhere: schema migration ({@code PostgresqlPermissionTest}), backend errors on a real outage
 * ({@code PostgresqlOutageIT}). Not applicable: {@code with_children=False} (wildcards here match across segments,
 * Kinto's default; the one-segment match is {@code Authorizer}'s), duplicated principals (a {@link Set} holds none),
 * ping in readonly mode ({@link PermissionBackend#ping} never writes), logging.
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

    // Ported from Kinto's permission/testing.py (see the class comment).

    @Test
    void pingAnswers() {
        permission.ping();
    }

    @Test
    void addingTwiceKeepsOneAndRemovingFromStrangersIsHarmless() {
        permission.addUserPrincipal("foo", "bar");
        permission.addUserPrincipal("foo", "bar");
        assertEquals(Set.of("bar"), permission.getUserPrincipals("foo"));
        permission.addPrincipalToAce("foo", "write", "bar");
        permission.addPrincipalToAce("foo", "write", "bar");
        assertEquals(Set.of("bar"), permission.getObjectPermissionPrincipals("foo", "write"));
        permission.removeUserPrincipal("unknown", "bar");
        assertEquals(Set.of(), permission.getUserPrincipals("unknown"));
        permission.removePrincipal("unknown");
        assertEquals(Set.of("bar"), permission.getUserPrincipals("foo"));
    }

    @Test
    void removingAPrincipalFromUsersLeavesItsAces() {
        permission.addPrincipalToAce(BUCKET, "read", GROUP);
        permission.addUserPrincipal("user", GROUP);
        permission.removePrincipal(GROUP);
        assertEquals(Map.of("read", Set.of(GROUP)), permission.getObjectPermissions(BUCKET, null));
        assertEquals(Set.of(), permission.getUserPrincipals("user"));
    }

    @Test
    void nothingBoundGrantsNothing() {
        permission.addPrincipalToAce("foo", "write", "bar");
        assertFalse(permission.checkPermission(List.of("bar"), List.of()));
        assertEquals(Set.of(), permission.getAuthorizedPrincipals(List.of()));
        assertEquals(Map.of(), permission.getAccessibleObjects(List.of("bar"), List.of()));
    }

    @Test
    void accessibleObjectsWithAWildcardForEveryObject() {
        permission.addPrincipalToAce("id1", "write", "user1");
        permission.addPrincipalToAce("id1", "read", "user1");
        permission.addPrincipalToAce("id1", "read", "group");
        permission.addPrincipalToAce("id2", "write", "user1");
        permission.addPrincipalToAce("id2", "read", "user2");
        permission.addPrincipalToAce("id2", "read", "group");
        permission.addPrincipalToAce("id3", "read", "user2");
        assertEquals(Map.of("id1", Set.of("read"), "id2", Set.of("read")),
                permission.getAccessibleObjects(List.of("user1", "group"), List.of(Map.entry("*", "read"))));
    }

    @Test
    void accessibleObjectsWildcardsMatchAnyCharactersAcrossSegments() {
        permission.addPrincipalToAce("/url1/id", "write", "user1");
        permission.addPrincipalToAce("/url1/id/sub", "write", "user1");
        permission.addPrincipalToAce("/a/url1/id", "write", "user1");
        permission.addPrincipalToAce("/url2/id", "write", "user1");
        assertEquals(Set.of("/url1/id", "/url1/id/sub", "/a/url1/id"),
                permission.getAccessibleObjects(List.of("user1"), List.of(Map.entry("*url1*", "write"))).keySet());
        // Kinto's with_children=True; the one-segment match (with_children=False) is the Authorizer's filter.
        assertEquals(Set.of("/url1/id", "/url1/id/sub"),
                permission.getAccessibleObjects(List.of("user1"), List.of(Map.entry("/url1/*", "write"))).keySet());
    }

    @Test
    void accessibleObjectsOfSeveralExactAndWildcardBounds() {
        permission.addPrincipalToAce("/url/a", "write", "user1");
        permission.addPrincipalToAce("/url/a/id/1", "write", "user1");
        permission.addPrincipalToAce("/url/b/id/1", "write", "user1");
        permission.addPrincipalToAce("/url/a/id/2", "read", "user1");
        permission.addPrincipalToAce("/url/b/id/2", "read", "user1");
        permission.addPrincipalToAce("/url/_/id/2", "read", "user1");
        assertEquals(Map.of("/url/a", Set.of("write"), "/url/a/id/1", Set.of("write"), "/url/a/id/2", Set.of("read")),
                permission.getAccessibleObjects(List.of("user1"), List.of(Map.entry("/url/a", "write"),
                        Map.entry("/url/a", "read"), Map.entry("/url/a/id/*", "write"), Map.entry("/url/a/id/*", "read"))));
    }

    @Test
    void accessibleObjectsDoNotExpandUserPrincipals() {
        permission.addUserPrincipal("user1", "group");
        permission.addPrincipalToAce("id1", "write", "user1");
        permission.addPrincipalToAce("id2", "write", "group");
        assertEquals(Map.of("id1", Set.of("write")), permission.getAccessibleObjects(List.of("user1"), null));
    }

    @Test
    void objectPermissionsLeaveOutChildObjects() {
        permission.addPrincipalToAce("/url/a/id/1", "write", "user1");
        permission.addPrincipalToAce("/url/a/id/1", "write", "user2");
        permission.addPrincipalToAce("/url/a/id/1", "read", "user3");
        permission.addPrincipalToAce("/url/a/id/1", "obj:del", "user1");
        permission.addPrincipalToAce("/url/a/id/1/sub", "create", "me");
        assertEquals(Map.of("write", Set.of("user1", "user2"), "read", Set.of("user3"), "obj:del", Set.of("user1")),
                permission.getObjectPermissions("/url/a/id/1", null));
    }

    @Test
    void replacingPermissionsAddsNewOnesAndDropsEmptiedOnes() {
        permission.addPrincipalToAce("/url/a/id/1", "write", "user1");
        permission.addPrincipalToAce("/url/a/id/1", "write", "user2");
        permission.addPrincipalToAce("/url/a/id/1", "read", "user3");
        permission.addPrincipalToAce("/url/a/id/1", "update", "user1");
        permission.addPrincipalToAce("/url/a/id/1", "obj:del", "user1");
        permission.replaceObjectPermissions("/url/a/id/1", Map.of("write", Set.of("user1"), "read", Set.of("user2"),
                "update", Set.of(), "obj:del", Set.of("user1"), "new", Set.of("user3")));
        assertEquals(Map.of("write", Set.of("user1"), "read", Set.of("user2"), "obj:del", Set.of("user1"), "new", Set.of("user3")),
                permission.getObjectPermissions("/url/a/id/1", null));
    }

    @Test
    void replacingPermissionsOfAnObjectWithoutAnyOrWithNothing() {
        permission.replaceObjectPermissions("/url/a/id/1", Map.of("write", Set.of("user1")));
        assertEquals(Map.of("write", Set.of("user1")), permission.getObjectPermissions("/url/a/id/1", null));
        permission.replaceObjectPermissions("/url/a/id/1", Map.of());
        assertEquals(Map.of("write", Set.of("user1")), permission.getObjectPermissions("/url/a/id/1", null));
        permission.replaceObjectPermissions("/url/a/id/2", Map.of("write", Set.of()));
        assertEquals(Map.of(), permission.getObjectPermissions("/url/a/id/2", null));
    }

    @Test
    void deletingPermissionsOfNoObjectIsHarmless() {
        permission.addPrincipalToAce(BUCKET, "write", "account:alice");
        permission.deleteObjectPermissions(List.of());
        assertEquals(Map.of("write", Set.of("account:alice")), permission.getObjectPermissions(BUCKET, null));
    }

    @Test
    void onlyTheStarIsAWildcard() {
        permission.addPrincipalToAce(COLLECTION, "read", "account:carol");
        permission.addPrincipalToAce("/buckets/b1/collections/c_", "read", "account:carol");
        assertEquals(Map.of(), permission.getAccessibleObjects(List.of("account:carol"),
                List.of(Map.entry("/buckets/b1/collections/c_/*", "read"), Map.entry("/buckets/b%", "read"))));
        assertEquals(Map.of(), permission.getAccessibleObjects(List.of("account:carol"),
                List.of(Map.entry("/buckets/b./collections/c.*", "read"))));
        assertFalse(permission.checkPermission(List.of("account:carol"), List.of(Map.entry("/buckets/b1/collections/c%", "read"))));
        permission.deleteObjectPermissions(List.of("/buckets/b1/collections/_1", "/buckets/b1/collections/c%",
                "/buckets/b./collections/c.*"));
        assertEquals(Map.of("read", Set.of("account:carol")), permission.getObjectPermissions(COLLECTION, null));
    }
}

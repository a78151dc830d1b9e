package org.jinto.permission.postgresql;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.storage.postgresql.PostgresqlTestDatabase;
import org.jinto.database.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL permission backend answers every question as the memory backend does. */
class PostgresqlPermissionMatchesMemoryTest {

    private static Database database;
    private static PermissionBackend postgresql;
    private final PermissionBackend memory = new MemoryPermission();

    @BeforeAll
    static void open() {
        database = PostgresqlTestDatabase.open("permission");
        postgresql = new PostgresqlPermission(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void grant() {
        postgresql.flush();
        for (PermissionBackend backend : List.of(postgresql, memory)) {
            backend.addPrincipalToAce("/buckets/b1", "write", "account:alice");
            backend.addPrincipalToAce("/buckets/b1", "read", "system.Everyone");
            backend.addPrincipalToAce("/buckets/b1/collections/c1", "write", "account:bob");
            backend.addPrincipalToAce("/buckets/b1/collections/c1", "read", "/buckets/b1/groups/g1");
            backend.addPrincipalToAce("/buckets/b1/collections/c1/records/r1", "write", "account:bob");
            backend.addPrincipalToAce("/buckets/b1/collections/c_", "read", "account:carol");
            backend.addPrincipalToAce("/buckets/b2", "write", "account:bob");
            backend.addPrincipalToAce("/buckets/b2", "write", "account:bob");
            backend.addUserPrincipal("account:carol", "/buckets/b1/groups/g1");
            backend.addUserPrincipal("account:dave", "/buckets/b1/groups/g1");
        }
    }

    private <T> void same(Function<PermissionBackend, T> question) {
        assertEquals(question.apply(memory), question.apply(postgresql));
    }

    @Test
    void userPrincipals() {
        same(p -> p.getUserPrincipals("account:carol"));
        same(p -> p.getUserPrincipals("account:nobody"));
        for (PermissionBackend backend : List.of(postgresql, memory)) {
            backend.removeUserPrincipal("account:carol", "/buckets/b1/groups/g1");
        }
        same(p -> p.getUserPrincipals("account:carol"));
        for (PermissionBackend backend : List.of(postgresql, memory)) {
            backend.removePrincipal("/buckets/b1/groups/g1");
        }
        same(p -> p.getUserPrincipals("account:dave"));
        assertEquals(Set.of(), postgresql.getUserPrincipals("account:dave"));
    }

    @Test
    void objectPermissions() {
        same(p -> p.getObjectPermissionPrincipals("/buckets/b1", "write"));
        same(p -> p.getObjectPermissions("/buckets/b1", null));
        same(p -> p.getObjectPermissions("/buckets/b1", List.of("read")));
        same(p -> p.getObjectsPermissions(List.of("/buckets/b2", "/nothing", "/buckets/b1"), null));
        assertEquals(Map.of("write", Set.of("account:bob")), postgresql.getObjectPermissions("/buckets/b2", null));
        for (PermissionBackend backend : List.of(postgresql, memory)) {
            backend.removePrincipalFromAce("/buckets/b1", "write", "account:alice");
            backend.replaceObjectPermissions("/buckets/b2", Map.of("write", Set.of("account:erin", "account:bob"),
                    "read", Set.of("system.Authenticated")));
            backend.replaceObjectPermissions("/buckets/b1", Map.of("read", Set.of()));
        }
        same(p -> p.getObjectPermissions("/buckets/b1", null));
        same(p -> p.getObjectPermissions("/buckets/b2", null));
    }

    @Test
    void deletionWithWildcards() {
        for (PermissionBackend backend : List.of(postgresql, memory)) {
            backend.deleteObjectPermissions(List.of("/buckets/b1/collections/c1*", "/buckets/b2"));
        }
        same(p -> p.getAccessibleObjects(List.of("account:bob", "account:carol", "system.Everyone", "account:alice"), null));
        assertEquals(Set.of("/buckets/b1", "/buckets/b1/collections/c_"), postgresql.getAccessibleObjects(
                List.of("account:bob", "account:carol", "system.Everyone", "account:alice"), null).keySet());
    }

    @Test
    void accessibleObjectsAndAuthorization() {
        List<String> bob = List.of("account:bob", "system.Everyone");
        same(p -> p.getAccessibleObjects(bob, null));
        same(p -> p.getAccessibleObjects(bob, List.of(Map.entry("/buckets/*", "write"))));
        same(p -> p.getAccessibleObjects(bob, List.of(Map.entry("/buckets/b1/collections/*", "write"),
                Map.entry("/buckets/b1", "read"))));
        same(p -> p.getAccessibleObjects(List.of("account:carol"), List.of(Map.entry("/buckets/b1/collections/c_", "read"))));
        same(p -> p.getAccessibleObjects(List.of("account:carol"), List.of(Map.entry("/buckets/b1/collections/cX", "read"))));
        assertEquals(Map.of("/buckets/b1/collections/c1/records/r1", Set.of("write")),
                postgresql.getAccessibleObjects(bob, List.of(Map.entry("/buckets/b1/collections/c1/records/*", "write"))));

        List<Map.Entry<String, String>> writeC1 = List.of(Map.entry("/buckets/b1/collections/c1", "write"),
                Map.entry("/buckets/b1", "write"));
        same(p -> p.getAuthorizedPrincipals(writeC1));
        assertTrue(postgresql.checkPermission(List.of("account:bob"), writeC1));
        assertFalse(postgresql.checkPermission(List.of("account:carol", "system.Everyone"), writeC1));
        assertTrue(postgresql.checkPermission(List.of("system.Everyone"), List.of(Map.entry("/buckets/b1", "read"))));
        assertFalse(postgresql.checkPermission(List.of("account:bob"), List.of(Map.entry("/buckets/b%", "write"))));
    }
}

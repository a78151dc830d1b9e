package org.jinto.permission.postgresql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.database.Database;
import org.jinto.database.Databases;
import org.jinto.database.Sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kinto's permission backend on PostgreSQL: {@code access_control_entries (object_id, permission, principal)} and
 * {@code user_principals (user_id, principal)} (Flyway scripts in {@code db/migration/permission}). Object ids
 * with {@code *} wildcards become LIKE patterns; every question is one query.
 */
@ApplicationScoped
@BackendName("postgresql")
public class PostgresqlPermission implements PermissionBackend {

    private Database database;

    /** For the CDI proxy. */
    protected PostgresqlPermission() {
    }

    @Inject
    PostgresqlPermission(Databases databases) {
        this(databases.open("permission"));
    }

    public PostgresqlPermission(Database database) {
        this.database = database;
    }

    @Override
    public void addUserPrincipal(String userId, String principal) {
        update(new Sql("INSERT INTO user_principals (user_id, principal) VALUES (").param(userId).add(", ")
                .param(principal).add(") ON CONFLICT DO NOTHING"));
    }

    @Override
    public void removeUserPrincipal(String userId, String principal) {
        update(new Sql("DELETE FROM user_principals WHERE user_id = ").param(userId)
                .add(" AND principal = ").param(principal));
    }

    @Override
    public void removePrincipal(String principal) {
        update(new Sql("DELETE FROM user_principals WHERE principal = ").param(principal));
    }

    /** The user's groups, plus those whose members include {@code system.Authenticated} (as Kinto's). */
    @Override
    public Set<String> getUserPrincipals(String userId) {
        Sql select = new Sql("SELECT principal FROM user_principals WHERE user_id = ").param(userId)
                .add(" OR user_id = 'system.Authenticated'");
        return new HashSet<>(database.read(connection -> select.list(connection, row -> row.getString(1))));
    }

    @Override
    public void addPrincipalToAce(String objectId, String permission, String principal) {
        update(new Sql("INSERT INTO access_control_entries (object_id, permission, principal) VALUES (")
                .param(objectId).add(", ").param(permission).add(", ").param(principal).add(") ON CONFLICT DO NOTHING"));
    }

    @Override
    public void removePrincipalFromAce(String objectId, String permission, String principal) {
        update(new Sql("DELETE FROM access_control_entries WHERE object_id = ").param(objectId)
                .add(" AND permission = ").param(permission).add(" AND principal = ").param(principal));
    }

    @Override
    public Set<String> getObjectPermissionPrincipals(String objectId, String permission) {
        Sql select = new Sql("SELECT principal FROM access_control_entries WHERE object_id = ").param(objectId)
                .add(" AND permission = ").param(permission);
        return new HashSet<>(database.read(connection -> select.list(connection, row -> row.getString(1))));
    }

    @Override
    public Map<String, Set<String>> getObjectPermissions(String objectId, Collection<String> permissions) {
        return getObjectsPermissions(List.of(objectId), permissions).get(0);
    }

    @Override
    public List<Map<String, Set<String>>> getObjectsPermissions(List<String> objectIds, Collection<String> permissions) {
        Sql select = new Sql("SELECT object_id, permission, principal FROM access_control_entries WHERE object_id = ANY(")
                .param(objectIds.toArray(String[]::new)).add(")");
        if (permissions != null) {
            select.add(" AND permission = ANY(").param(permissions.toArray(String[]::new)).add(")");
        }
        Map<String, Map<String, Set<String>>> byObject = new HashMap<>();
        database.read(connection -> select.list(connection, row -> byObject
                .computeIfAbsent(row.getString(1), o -> new TreeMap<>())
                .computeIfAbsent(row.getString(2), p -> new HashSet<>())
                .add(row.getString(3))));
        List<Map<String, Set<String>>> result = new ArrayList<>();
        for (String objectId : objectIds) {
            result.add(new LinkedHashMap<>(byObject.getOrDefault(objectId, Map.of())));
        }
        return result;
    }

    @Override
    public void replaceObjectPermissions(String objectId, Map<String, Set<String>> permissions) {
        if (permissions.isEmpty()) {
            return;
        }
        List<String> grantedPermissions = new ArrayList<>();
        List<String> grantedPrincipals = new ArrayList<>();
        permissions.forEach((permission, principals) -> principals.forEach(principal -> {
            grantedPermissions.add(permission);
            grantedPrincipals.add(principal);
        }));
        // Two statements: within one, an INSERT would still see (and skip) the rows its WITH deletes.
        update(new Sql("DELETE FROM access_control_entries WHERE object_id = ").param(objectId)
                .add(" AND permission = ANY(").param(permissions.keySet().toArray(String[]::new)).add(")"));
        if (!grantedPermissions.isEmpty()) {
            update(new Sql("INSERT INTO access_control_entries (object_id, permission, principal) SELECT ").param(objectId)
                    .add(", t.permission, t.principal FROM unnest(").param(grantedPermissions.toArray(String[]::new))
                    .add("::text[], ").param(grantedPrincipals.toArray(String[]::new))
                    .add("::text[]) AS t(permission, principal) ON CONFLICT DO NOTHING"));
        }
    }

    @Override
    public void deleteObjectPermissions(Collection<String> objectIds) {
        if (objectIds.isEmpty()) {
            return;
        }
        Sql delete = new Sql("DELETE FROM access_control_entries WHERE ");
        matchAny(delete, objectIds);
        update(delete);
    }

    @Override
    public Map<String, Set<String>> getAccessibleObjects(Collection<String> principals,
                                                         Collection<Map.Entry<String, String>> boundPermissions) {
        Sql select = new Sql("SELECT object_id, permission FROM access_control_entries WHERE principal = ANY(")
                .param(principals.toArray(String[]::new)).add(")");
        if (boundPermissions != null) {
            select.add(" AND (FALSE");
            for (Map.Entry<String, String> bound : boundPermissions) {
                select.add(" OR (permission = ").param(bound.getValue()).add(" AND ");
                matchAny(select, List.of(bound.getKey()));
                select.add(")");
            }
            select.add(")");
        }
        Map<String, Set<String>> result = new TreeMap<>();
        database.read(connection -> select.list(connection, row ->
                result.computeIfAbsent(row.getString(1), o -> new HashSet<>()).add(row.getString(2))));
        return result;
    }

    @Override
    public Set<String> getAuthorizedPrincipals(Collection<Map.Entry<String, String>> boundPermissions) {
        Sql select = new Sql("SELECT DISTINCT principal FROM access_control_entries a JOIN unnest(");
        bound(select, boundPermissions);
        select.add(" ON a.object_id = b.object_id AND a.permission = b.permission");
        return new HashSet<>(database.read(connection -> select.list(connection, row -> row.getString(1))));
    }

    @Override
    public boolean checkPermission(Collection<String> principals, Collection<Map.Entry<String, String>> boundPermissions) {
        Sql select = new Sql("SELECT EXISTS (SELECT 1 FROM access_control_entries a JOIN unnest(");
        bound(select, boundPermissions);
        select.add(" ON a.object_id = b.object_id AND a.permission = b.permission WHERE a.principal = ANY(")
                .param(principals.toArray(String[]::new)).add("))");
        return database.read(connection -> select.first(connection, row -> row.getBoolean(1)));
    }

    @Override
    public void flush() {
        update(new Sql("TRUNCATE access_control_entries, user_principals"));
    }

    @Override
    public void ping() {
        database.ping();
    }

    /** The database holding the ACEs and user principals. */
    public Database database() {
        return database;
    }

    /** The (object id, permission) pairs as a table {@code b(object_id, permission)}, after {@code unnest(}. */
    private static void bound(Sql sql, Collection<Map.Entry<String, String>> boundPermissions) {
        sql.param(boundPermissions.stream().map(Map.Entry::getKey).toArray(String[]::new)).add("::text[], ")
                .param(boundPermissions.stream().map(Map.Entry::getValue).toArray(String[]::new))
                .add("::text[]) AS b(object_id, permission)");
    }

    /** Object ids equal to one of the exact ids or LIKE one of the patterns ({@code *} is any text). */
    private static void matchAny(Sql sql, Collection<String> objectIds) {
        String[] exact = objectIds.stream().filter(id -> !id.contains("*")).toArray(String[]::new);
        sql.add("(object_id = ANY(").param(exact).add(")");
        for (String pattern : objectIds.stream().filter(id -> id.contains("*")).toList()) {
            sql.add(" OR object_id LIKE ").param(Sql.wildcard(pattern)).add(" ESCAPE '\\'");
        }
        sql.add(")");
    }

    private void update(Sql sql) {
        database.run(sql::update);
    }
}

package org.jinto.storage.postgresql;

import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.jinto.reads.ObjectKey;
import org.jinto.reads.Prefetched;
import org.jinto.reads.ReadAhead;
import org.jinto.reads.Reads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A read-ahead in one statement, when the permission tables live in the storage's database: the objects, the
 * timestamp and live objects count, the ACEs and the user's groups come back as rows of one {@code UNION ALL}, run
 * outside any transaction unless the request already wrote ({@link Database#read}). A GET of a record or a HEAD
 * count is then one round trip.
 */
public final class SharedDatabaseReads implements Reads {

    private static final int OBJECT = 1;
    private static final int ACE = 2;
    private static final int TIMESTAMP = 3;
    private static final int GROUP = 4;

    /** One row of the union: its kind and up to four text columns. */
    private record Row(int kind, String a, String b, String c, String d) {
    }

    private final Database database;

    public SharedDatabaseReads(Database database) {
        this.database = database;
    }

    @Override
    public Prefetched read(ReadAhead request) {
        Sql statement = statement(request);
        List<Row> rows = statement == null ? List.of() : database.read(connection -> statement.list(connection,
                row -> new Row(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5))));
        return answers(request, rows);
    }

    /**
     * The union answering the request, null when it asks nothing; package-private for its plan's test. Objects are
     * looked up by their whole key, which only the primary key can serve (the list index is partial, V5).
     */
    static Sql statement(ReadAhead request) {
        List<Sql> parts = new ArrayList<>();
        if (!request.objects().isEmpty()) {
            Sql objects = new Sql("SELECT " + OBJECT + ", resource_name, parent_id, id, " + PostgresqlStorage.OBJECT_JSON
                    + " FROM objects WHERE NOT deleted AND (FALSE");
            for (ObjectKey key : request.objects()) {
                objects.add(" OR (parent_id = ").param(key.parentId()).add(" AND resource_name = ")
                        .param(key.resourceName()).add(" AND id = ").param(key.id()).add(")");
            }
            parts.add(objects.add(")"));
        }
        if (!request.aclObjects().isEmpty()) {
            parts.add(new Sql("SELECT " + ACE + ", object_id, permission, principal, NULL::text"
                    + " FROM access_control_entries WHERE object_id = ANY(")
                    .param(request.aclObjects().toArray(String[]::new)).add(")"));
        }
        if (request.timestampResource() != null) {
            // With the count of live objects: a HEAD's Total-Records needs no statement of its own.
            parts.add(new Sql("SELECT " + TIMESTAMP + ", NULL::text, NULL::text, live_objects::text, last_modified::text"
                    + " FROM timestamps WHERE parent_id = ").param(request.timestampParent())
                    .add(" AND resource_name = ").param(request.timestampResource()));
        }
        if (request.groupsOf() != null) {
            // As PostgresqlPermission.getUserPrincipals: the groups of everyone authenticated count too.
            parts.add(new Sql("SELECT " + GROUP + ", principal, NULL::text, NULL::text, NULL::text"
                    + " FROM user_principals WHERE user_id = ").param(request.groupsOf())
                    .add(" OR user_id = 'system.Authenticated'"));
        }
        return parts.isEmpty() ? null : union(parts);
    }

    private static Prefetched answers(ReadAhead request, List<Row> rows) {
        Set<String> groups = request.groupsOf() == null ? null : new HashSet<>();
        Long timestamp = null;
        // No timestamps row: nothing was ever written there.
        Long liveObjects = request.timestampResource() == null ? null : 0L;
        for (Row row : rows) {
            if (row.kind() == GROUP) {
                groups.add(row.a());
            } else if (row.kind() == TIMESTAMP) {
                timestamp = row.d() == null ? null : Long.parseLong(row.d());
                liveObjects = Long.parseLong(row.c());
            }
        }
        Prefetched prefetched = new Prefetched(request, groups, timestamp, liveObjects);
        for (Row row : rows) {
            if (row.kind() == OBJECT) {
                prefetched.addObject(new ObjectKey(row.a(), row.b(), row.c()), PostgresqlStorage.object(row.d()));
            } else if (row.kind() == ACE) {
                prefetched.addAce(row.a(), row.b(), row.c());
            }
        }
        return prefetched;
    }

    /** The parts as one statement; each keeps its bound parameters. */
    private static Sql union(List<Sql> parts) {
        Sql union = parts.get(0);
        for (Sql part : parts.subList(1, parts.size())) {
            union.add(" UNION ALL ").append(part);
        }
        return union;
    }
}

package org.jinto.storage.postgresql;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.ObjectCounts;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.jinto.json.JsonText;
import org.jinto.storage.Timestamps;
import org.jinto.database.Database;
import org.jinto.database.Databases;
import org.jinto.database.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kinto's storage on PostgreSQL: the {@code objects} and {@code timestamps} tables (see the Flyway scripts in
 * {@code db/migration/storage}), every filter, sort, page and count evaluated in SQL.
 * <p>
 * Every write locks the timestamps row of its (parent, resource) with an upsert, and keeps that lock until
 * its transaction ends: writers of one collection are serialised, so each gets a strictly increasing timestamp
 * (Kinto's rule, {@link Timestamps}) and they commit in timestamp order, while writers of other collections
 * proceed in parallel. Kinto instead lets concurrent writers collide on a unique index and answers 409. A write
 * of one object bumps the timestamp and writes the object in one statement (as Kinto's does), so a caller that
 * writes everything else first holds the lock for that statement and the commit only.
 * <p>
 * The timestamps row also carries the number of live objects (migration V2), which answers unfiltered counts
 * without counting: each write changes it in the statement that bumps the timestamp, on the row it locks anyway
 * (migration V4 dropped the triggers that kept it with a second update of that row).
 */
@ApplicationScoped
@BackendName("postgresql")
public class PostgresqlStorage implements Storage {

    /** The stored object as the API shows it: its data plus the id and timestamp columns. */
    static final String OBJECT_JSON = "(data || jsonb_build_object('id', id, 'last_modified', last_modified))::text";
    private static final String TOMBSTONE_DATA = "'{\"deleted\": true}'::jsonb";
    /** {@link Timestamps#bump} without a given timestamp, in the upsert of a timestamps row given the clock's now. */
    private static final String BUMPED = "GREATEST(EXCLUDED.last_modified, timestamps.last_modified + 1)";
    /**
     * Lets a statement use the list index (parent, resource, last_modified): that index is partial on this condition
     * (migration V5), always true, so that key lookups, which never state it, can only use the primary key.
     */
    static final String LISTED = " AND last_modified IS NOT NULL";

    /** One (parent, resource name): the unit of timestamps and of write serialisation. */
    record Scope(String parentId, String resourceName) {
        static final Comparator<Scope> ORDER = Comparator.comparing(Scope::parentId).thenComparing(Scope::resourceName);
    }

    private Database database;
    private int maxFetchSize;

    /** For the CDI proxy. */
    protected PostgresqlStorage() {
    }

    @Inject
    PostgresqlStorage(Databases databases, Settings settings) {
        this(databases.open("storage"), settings);
    }

    /** On {@code database}, with the settings' {@code kinto.storage_max_fetch_size}. */
    public PostgresqlStorage(Database database, Settings settings) {
        this(database, settings.getLong("kinto.storage_max_fetch_size", 10000));
    }

    /** @param maxFetchSize Kinto's {@code storage_max_fetch_size}: no read returns more objects */
    public PostgresqlStorage(Database database, long maxFetchSize) {
        this.database = database;
        this.maxFetchSize = (int) Math.min(Integer.MAX_VALUE, maxFetchSize);
    }

    @Override
    public JsonObject create(String resourceName, String parentId, JsonObject object) {
        String id = object.getString("id");
        return database.run(connection -> {
            Scope scope = new Scope(parentId, resourceName);
            JsonObject created = write(connection, scope, id, object, false);
            if (created == null) {
                throw new UnicityException(find(connection, scope, id));
            }
            return created;
        });
    }

    @Override
    public JsonObject get(String resourceName, String parentId, String id) {
        JsonObject found = database.read(connection -> find(connection, new Scope(parentId, resourceName), id));
        if (found == null) {
            throw new ObjectNotFoundException(resourceName, parentId, id);
        }
        return found;
    }

    @Override
    public JsonObject update(String resourceName, String parentId, String id, JsonObject object) {
        return database.run(connection -> {
            Scope scope = new Scope(parentId, resourceName);
            // The engine replaces objects it found live: a tombstone in the way (deleted meanwhile) is revived.
            JsonObject replaced = write(connection, scope, id, object, true);
            return replaced != null ? replaced : write(connection, scope, id, object, false);
        });
    }

    @Override
    public JsonObject delete(String resourceName, String parentId, String id, Long lastModified) {
        return database.run(connection -> {
            Scope scope = new Scope(parentId, resourceName);
            Written deleted = upsert(connection, scope, id, null, true, true, lastModified);
            if (deleted != null && deleted.inserted()) {
                // Nothing had the id (the engine found it, another request purged it meanwhile): no tombstone.
                new Sql("DELETE FROM objects WHERE parent_id = ").param(parentId).add(" AND resource_name = ")
                        .param(resourceName).add(" AND id = ").param(id).update(connection);
                addLiveObjects(connection, scope, 1);
            }
            if (deleted == null || deleted.inserted()) {
                throw new ObjectNotFoundException(resourceName, parentId, id);
            }
            return tombstone(id, deleted.lastModified());
        });
    }

    @Override
    public List<JsonObject> deleteAll(String resourceName, String parentId, Query unescaped) {
        Query query = NulEscape.escape(unescaped);
        return database.run(connection -> {
            // Lock the timestamps of the collections concerned first, in one order, as single writes do.
            Map<Scope, Long> previous = new HashMap<>(lockTimestamps(connection, scopesWithLiveObjects(connection, resourceName, parentId)));
            Sql select = new Sql("SELECT parent_id, resource_name, id FROM objects WHERE ");
            scope(select, resourceName, parentId);
            select.add(LISTED + " AND NOT deleted");
            ObjectFilters.where(select, query.filters());
            ObjectFilters.paginate(select, query.paginationRules());
            ObjectFilters.orderBy(select, query.sorting());
            select.add(" LIMIT ").param(limit(query)).add(" FOR UPDATE");
            List<Map.Entry<Scope, String>> matches = select.list(connection, row ->
                    Map.entry(new Scope(row.getString(1), row.getString(2)), row.getString(3)));
            List<Scope> unlocked = matches.stream().map(Map.Entry::getKey).filter(s -> !previous.containsKey(s)).distinct().toList();
            previous.putAll(lockTimestamps(connection, unlocked));

            Map<Scope, Long> current = new HashMap<>();
            previous.forEach((scope, timestamp) -> current.put(scope, orZero(timestamp)));
            List<JsonObject> tombstones = new ArrayList<>();
            List<String> parents = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (Map.Entry<Scope, String> match : matches) {
                long[] timestamps = Timestamps.bump(current.get(match.getKey()), null);
                current.put(match.getKey(), timestamps[1]);
                parents.add(match.getKey().parentId());
                resources.add(match.getKey().resourceName());
                ids.add(match.getValue());
                times.add(timestamps[0]);
                tombstones.add(tombstone(match.getValue(), timestamps[0]));
            }
            if (!matches.isEmpty()) {
                new Sql("UPDATE objects o SET deleted = TRUE, data = " + TOMBSTONE_DATA + ", last_modified = t.ts FROM unnest(")
                        .param(parents.toArray(String[]::new)).add("::text[], ").param(resources.toArray(String[]::new))
                        .add("::text[], ").param(ids.toArray(String[]::new)).add("::text[], ").param(times.toArray(Long[]::new))
                        .add("::bigint[]) AS t(parent_id, resource_name, id, ts) WHERE o.parent_id = t.parent_id"
                                + " AND o.resource_name = t.resource_name AND o.id = t.id")
                        .update(connection);
                List<Scope> bumped = current.keySet().stream().filter(s -> !current.get(s).equals(orZero(previous.get(s)))).toList();
                Map<Scope, Long> deletedPerScope = matches.stream()
                        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
                new Sql("UPDATE timestamps s SET last_modified = t.ts, live_objects = s.live_objects - t.deleted FROM unnest(")
                        .param(bumped.stream().map(Scope::parentId).toArray(String[]::new)).add("::text[], ")
                        .param(bumped.stream().map(Scope::resourceName).toArray(String[]::new)).add("::text[], ")
                        .param(bumped.stream().map(current::get).toArray(Long[]::new)).add("::bigint[], ")
                        .param(bumped.stream().map(deletedPerScope::get).toArray(Long[]::new))
                        .add("::bigint[]) AS t(parent_id, resource_name, ts, deleted)"
                                + " WHERE s.parent_id = t.parent_id AND s.resource_name = t.resource_name")
                        .update(connection);
            }
            return tombstones;
        });
    }

    @Override
    public List<JsonObject> listAll(String resourceName, String parentId, Query query) {
        Sql select = listing(resourceName, parentId, query);
        return database.read(connection -> select.list(connection, PostgresqlStorage::object));
    }

    /** The statement of {@link #listAll}; package-private for its plan's test. */
    Sql listing(String resourceName, String parentId, Query unescaped) {
        Query query = NulEscape.escape(unescaped);
        Sql select = new Sql("SELECT " + OBJECT_JSON + " FROM objects WHERE ");
        scope(select, resourceName, parentId);
        select.add(LISTED);
        if (!query.includeDeleted()) {
            select.add(" AND NOT deleted");
        }
        ObjectFilters.where(select, query.filters());
        ObjectFilters.paginate(select, query.paginationRules());
        ObjectFilters.orderBy(select, query.sorting());
        return select.add(" LIMIT ").param(limit(query));
    }

    @Override
    public long countAll(String resourceName, String parentId, List<Filter> filters) {
        Sql count;
        if (filters.isEmpty()) {
            // The live objects of each scope, kept in its timestamps row by the writes.
            count = new Sql("SELECT COALESCE(sum(live_objects), 0) FROM timestamps WHERE ");
            scope(count, resourceName, parentId);
        } else {
            count = new Sql("SELECT count(*) FROM objects WHERE ");
            scope(count, resourceName, parentId);
            count.add(LISTED + " AND NOT deleted");
            ObjectFilters.where(count, NulEscape.escapeFilters(filters));
        }
        return database.read(connection -> count.first(connection, row -> row.getLong(1)));
    }

    /**
     * A sequential scan of the whole table (0.3 to 0.5 s per million rows), which is why the storage metrics run it
     * in the background. PostgreSQL's statistics ({@code pg_class.reltuples}, {@code pg_stats}) would be instant
     * but are estimates per table or per most common value, and cannot split objects from tombstones.
     */
    @Override
    public Map<String, ObjectCounts> countPerResource() {
        Sql count = new Sql("SELECT resource_name, count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted)"
                + " FROM objects GROUP BY resource_name");
        Map<String, ObjectCounts> counts = new HashMap<>();
        database.run(connection -> count.list(connection, row ->
                counts.put(row.getString(1), new ObjectCounts(row.getLong(2), row.getLong(3)))));
        return counts;
    }

    @Override
    public long resourceTimestamp(String resourceName, String parentId) {
        Long current = database.read(connection -> new Sql("SELECT last_modified FROM timestamps WHERE parent_id = ")
                .param(parentId).add(" AND resource_name = ").param(resourceName)
                .first(connection, row -> row.getObject(1, Long.class)));
        if (current != null) {
            return current;
        }
        // None yet: one is created from the clock and kept; a concurrent writer's value wins.
        return database.run(connection -> new Sql("INSERT INTO timestamps (parent_id, resource_name, last_modified) VALUES (")
                .param(parentId).add(", ").param(resourceName).add(", ").param(Timestamps.bump(0, null)[0])
                .add(") ON CONFLICT (parent_id, resource_name) DO UPDATE"
                        + " SET last_modified = COALESCE(timestamps.last_modified, EXCLUDED.last_modified)"
                        + " RETURNING last_modified")
                .first(connection, row -> row.getLong(1)));
    }

    @Override
    public Map<String, Long> allResourcesTimestamps(String resourceName) {
        Map<String, Long> all = new HashMap<>();
        database.run(connection -> new Sql("SELECT parent_id, last_modified FROM timestamps WHERE resource_name = ")
                .param(resourceName).add(" AND last_modified IS NOT NULL")
                .list(connection, row -> all.put(row.getString(1), row.getLong(2))));
        return all;
    }

    @Override
    public int purgeDeleted(String resourceName, String parentId, Long before, Integer maxRetained) {
        Sql purge;
        if (maxRetained == null) {
            purge = new Sql("DELETE FROM objects WHERE ");
            scope(purge, resourceName, parentId);
            purge.add(" AND deleted");
            if (before != null) {
                purge.add(" AND last_modified < ").param(before);
            }
        } else {
            // Keep the newest maxRetained tombstones of each collection (and, with before, only recent ones).
            purge = new Sql("DELETE FROM objects o USING (SELECT parent_id, resource_name, id, last_modified,"
                    + " row_number() OVER (PARTITION BY parent_id, resource_name ORDER BY last_modified DESC) AS newest"
                    + " FROM objects WHERE ");
            scope(purge, resourceName, parentId);
            purge.add(" AND deleted) AS t WHERE o.parent_id = t.parent_id AND o.resource_name = t.resource_name"
                    + " AND o.id = t.id AND (t.newest > ").param((long) maxRetained);
            if (before != null) {
                purge.add(" OR t.last_modified < ").param(before);
            }
            purge.add(")");
        }
        if (resourceName != null || before != null) {
            return database.run(purge::update);
        }
        Sql forget = new Sql("DELETE FROM timestamps WHERE ");
        scope(forget, null, parentId);
        Sql tombstones = purge;
        return database.run(connection -> {
            forget.update(connection);
            return tombstones.update(connection);
        });
    }

    @Override
    public void flush() {
        database.run(connection -> new Sql("TRUNCATE objects, timestamps").update(connection));
    }

    @Override
    public void ping() {
        database.ping();
    }

    /** The database holding the objects (permissions may share it: {@link SharedDatabaseReads}). */
    public Database database() {
        return database;
    }

    /**
     * Locks the timestamps rows of the scopes (creating missing ones, with no timestamp yet) in a fixed order, and
     * answers their current timestamps (null where none). The locks last until the transaction ends.
     */
    private static Map<Scope, Long> lockTimestamps(Connection connection, Collection<Scope> scopes) throws SQLException {
        if (scopes.isEmpty()) {
            return Map.of();
        }
        List<Scope> ordered = scopes.stream().distinct().sorted(Scope.ORDER).toList();
        Map<Scope, Long> previous = new LinkedHashMap<>();
        new Sql("INSERT INTO timestamps (parent_id, resource_name, last_modified) SELECT t.parent_id, t.resource_name, NULL"
                + " FROM unnest(").param(ordered.stream().map(Scope::parentId).toArray(String[]::new))
                .add("::text[], ").param(ordered.stream().map(Scope::resourceName).toArray(String[]::new))
                .add("::text[]) WITH ORDINALITY AS t(parent_id, resource_name, n) ORDER BY t.n"
                        + " ON CONFLICT (parent_id, resource_name) DO UPDATE SET last_modified = timestamps.last_modified"
                        + " RETURNING parent_id, resource_name, last_modified")
                .list(connection, row -> previous.put(new Scope(row.getString(1), row.getString(2)), row.getObject(3, Long.class)));
        return previous;
    }

    private static List<Scope> scopesWithLiveObjects(Connection connection, String resourceName, String parentId)
            throws SQLException {
        if (resourceName != null && !parentId.contains("*")) {
            return List.of(new Scope(parentId, resourceName));
        }
        Sql scopes = new Sql("SELECT DISTINCT parent_id, resource_name FROM objects WHERE ");
        scope(scopes, resourceName, parentId);
        scopes.add(" AND NOT deleted");
        return scopes.list(connection, row -> new Scope(row.getString(1), row.getString(2)));
    }

    /**
     * Writes the object with its bumped timestamp, replacing a tombstone or (with {@code replaceLive}) only a live
     * object of the same id. Answers the stored object, or null when the object in the way was not of that kind.
     */
    private static JsonObject write(Connection connection, Scope scope, String id, JsonObject object,
                                    boolean replaceLive) throws SQLException {
        Long given = object.get("last_modified") instanceof JsonNumber number ? number.longValue() : null;
        JsonObject data = NulEscape.escape(JSON.createObjectBuilder(object).remove("id").remove("last_modified").build());
        Written written = upsert(connection, scope, id, data, false, replaceLive, given);
        if (written == null) {
            return null;
        }
        if (replaceLive && written.inserted()) {
            // There was no object to replace (purged meanwhile): a new live one.
            addLiveObjects(connection, scope, 1);
        }
        return JSON.createObjectBuilder(object).add("id", id).add("last_modified", written.lastModified()).build();
    }

    /** What {@link #upsert} wrote: the object's timestamp, and whether no object (nor tombstone) had its id. */
    private record Written(long lastModified, boolean inserted) {
    }

    /**
     * Writes one object in one statement: bumps the scope's timestamp (locking it until the transaction ends) and its
     * live objects as if the write replaced what the engine expects (a live object when {@code overLive}, else
     * nothing or a tombstone), then upserts the object, a live one or with {@code tombstone} a tombstone, but only
     * over an object of the expected kind. Answers null when another kind of object was in the way (that object is
     * untouched, the live count is set right, and the scope keeps its bumped timestamp); when {@code overLive} and
     * nothing was in the way the object is inserted and the caller corrects the count.
     * <p>
     * The object is found through the upsert's arbiter, the primary key, never by a query the planner could answer
     * with the (parent, resource, last_modified) index: with statistics taken while the collection was small both
     * indexes are estimated at one row, and that index scans the whole collection.
     */
    private static Written upsert(Connection connection, Scope scope, String id, JsonObject data, boolean tombstone,
                                  boolean overLive, Long given) throws SQLException {
        long liveChange = (tombstone ? 0 : 1) - (overLive ? 1 : 0);
        Written written = objectUpsert(connection, scope, id, data, tombstone, overLive, liveChange, given)
                .first(connection, row -> new Written(row.getLong(1), row.getBoolean(2)));
        if (written == null) {
            addLiveObjects(connection, scope, -liveChange);
        }
        return written;
    }

    /** The statement of {@link #upsert} (a given timestamp's lock is taken first); package-private for its plan's test. */
    static Sql objectUpsert(Connection connection, Scope scope, String id, JsonObject data, boolean tombstone,
                            boolean overLive, long liveChange, Long given) throws SQLException {
        Sql sql = new Sql("WITH stamp AS (");
        if (given == null) {
            sql.add("INSERT INTO timestamps (parent_id, resource_name, last_modified, live_objects) VALUES (")
                    .param(scope.parentId()).add(", ").param(scope.resourceName()).add(", ")
                    .param(System.currentTimeMillis()).add(", ").param(liveChange)
                    .add(") ON CONFLICT (parent_id, resource_name) DO UPDATE SET last_modified = " + BUMPED
                            + ", live_objects = timestamps.live_objects + EXCLUDED.live_objects RETURNING last_modified)");
        } else {
            long[] timestamps = Timestamps.bump(orZero(lockTimestamps(connection, List.of(scope)).get(scope)), given);
            sql.add("UPDATE timestamps SET last_modified = ").param(timestamps[1])
                    .add(", live_objects = live_objects + ").param(liveChange)
                    .add(" WHERE parent_id = ").param(scope.parentId())
                    .add(" AND resource_name = ").param(scope.resourceName())
                    .add(" RETURNING ").param(timestamps[0]).add("::bigint AS last_modified)");
        }
        sql.add(", written AS (INSERT INTO objects (id, parent_id, resource_name, last_modified, data, deleted) SELECT ")
                .param(id).add(", ").param(scope.parentId()).add(", ").param(scope.resourceName())
                .add(", stamp.last_modified, ");
        if (tombstone) {
            sql.add(TOMBSTONE_DATA);
        } else {
            sql.json(data);
        }
        return sql.add(", ").param(tombstone).add(" FROM stamp ON CONFLICT (parent_id, resource_name, id) DO UPDATE"
                        + " SET last_modified = EXCLUDED.last_modified, data = EXCLUDED.data, deleted = EXCLUDED.deleted"
                        + " WHERE " + (overLive ? "NOT " : "") + "objects.deleted"
                        // A row the upsert inserted has no xmax; one it updated has the lock taken on it.
                        + " RETURNING last_modified, xmax = 0 AS inserted) SELECT last_modified, inserted FROM written");
    }

    /** Corrects the scope's count of live objects (the lock of its timestamp is held). */
    private static void addLiveObjects(Connection connection, Scope scope, long change) throws SQLException {
        if (change != 0) {
            new Sql("UPDATE timestamps SET live_objects = live_objects + ").param(change)
                    .add(" WHERE parent_id = ").param(scope.parentId()).add(" AND resource_name = ")
                    .param(scope.resourceName()).update(connection);
        }
    }

    /** The live object, or null. */
    private static JsonObject find(Connection connection, Scope scope, String id) throws SQLException {
        return new Sql("SELECT " + OBJECT_JSON + " FROM objects WHERE parent_id = ").param(scope.parentId())
                .add(" AND resource_name = ").param(scope.resourceName()).add(" AND id = ").param(id)
                .add(" AND NOT deleted")
                .first(connection, PostgresqlStorage::object);
    }

    /** {@code parent_id = ?} or, with {@code *} wildcards, {@code LIKE}; and the resource name unless null. */
    private static void scope(Sql sql, String resourceName, String parentId) {
        if (parentId.contains("*")) {
            sql.add("parent_id LIKE ").param(Sql.wildcard(parentId)).add(" ESCAPE '\\'");
        } else {
            sql.add("parent_id = ").param(parentId);
        }
        if (resourceName != null) {
            sql.add(" AND resource_name = ").param(resourceName);
        }
    }

    private long limit(Query query) {
        return query.limit() == null ? maxFetchSize : Math.min(query.limit(), maxFetchSize);
    }

    private static JsonObject object(ResultSet row) throws SQLException {
        return object(row.getString(1));
    }

    /** The object from the text of {@link #OBJECT_JSON}. */
    static JsonObject object(String text) {
        return NulEscape.unescape(JsonText.read(text).asJsonObject(), text);
    }

    private static JsonObject tombstone(String id, long lastModified) {
        return JSON.createObjectBuilder().add("id", id).add("last_modified", lastModified).add("deleted", true).build();
    }

    private static long orZero(Long timestamp) {
        return timestamp == null ? 0 : timestamp;
    }
}

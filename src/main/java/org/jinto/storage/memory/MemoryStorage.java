package org.jinto.storage.memory;

import org.jinto.storage.InMemoryQueries;
import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.jinto.api.BackendName;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.ObjectCounts;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;
import org.jinto.storage.ReadWriteGuard;
import org.jinto.storage.Timestamps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Storage in the JVM's memory, for tests and throwaway servers, with Kinto's memory backend semantics. One
 * read-write lock ({@link ReadWriteGuard}); reads never change the maps.
 */
@ApplicationScoped
@BackendName("memory")
public class MemoryStorage implements Storage {

    /** Key of one (parent, resource) bucket of objects. */
    private record Scope(String parentId, String resourceName) {
    }

    private final Map<Scope, Map<String, JsonObject>> store = new HashMap<>();
    private final Map<Scope, Map<String, JsonObject>> cemetery = new HashMap<>();
    private final Map<Scope, Long> timestamps = new HashMap<>();
    private final ReadWriteGuard guard = new ReadWriteGuard();

    @Override
    public JsonObject create(String resourceName, String parentId, JsonObject object) {
        return guard.writing(() -> {
            String id = object.getString("id");
            JsonObject existing = objects(store, resourceName, parentId).get(id);
            if (existing != null) {
                throw new UnicityException(existing);
            }
            return put(resourceName, parentId, id, object);
        });
    }

    @Override
    public JsonObject get(String resourceName, String parentId, String id) {
        return guard.reading(() -> {
            JsonObject existing = store.getOrDefault(new Scope(parentId, resourceName), Map.of()).get(id);
            if (existing == null) {
                throw new ObjectNotFoundException(resourceName, parentId, id);
            }
            return existing;
        });
    }

    @Override
    public JsonObject update(String resourceName, String parentId, String id, JsonObject object) {
        return guard.writing(() -> put(resourceName, parentId, id, JSON.createObjectBuilder(object).add("id", id).build()));
    }

    private JsonObject put(String resourceName, String parentId, String id, JsonObject object) {
        Scope scope = new Scope(parentId, resourceName);
        Long given = object.containsKey("last_modified") && object.get("last_modified") instanceof jakarta.json.JsonNumber n
                ? n.longValue() : null;
        JsonObject stored = JSON.createObjectBuilder(object).add("last_modified", bump(scope, given)).build();
        objects(store, resourceName, parentId).put(id, stored);
        objects(cemetery, resourceName, parentId).remove(id);
        return stored;
    }

    @Override
    public JsonObject delete(String resourceName, String parentId, String id, Long lastModified) {
        return guard.writing(() -> {
            get(resourceName, parentId, id);
            Scope scope = new Scope(parentId, resourceName);
            JsonObject tombstone = JSON.createObjectBuilder()
                    .add("id", id)
                    .add("last_modified", bump(scope, lastModified))
                    .add("deleted", true)
                    .build();
            objects(store, resourceName, parentId).remove(id);
            objects(cemetery, resourceName, parentId).put(id, tombstone);
            return tombstone;
        });
    }

    @Override
    public List<JsonObject> deleteAll(String resourceName, String parentId, Query query) {
        return guard.writing(() -> {
            List<JsonObject> deleted = new ArrayList<>();
            for (Map.Entry<Scope, JsonObject> match : select(store, resourceName, parentId, query)) {
                Scope scope = match.getKey();
                deleted.add(delete(scope.resourceName(), scope.parentId(), match.getValue().getString("id"), null));
            }
            return deleted;
        });
    }

    @Override
    public List<JsonObject> listAll(String resourceName, String parentId, Query query) {
        return guard.reading(() -> {
            List<Map.Entry<Scope, JsonObject>> live = select(store, resourceName, parentId,
                    new Query(query.filters(), List.of(), List.of(), null, false));
            List<JsonObject> candidates = new ArrayList<>(live.stream().map(Map.Entry::getValue).toList());
            if (query.includeDeleted()) {
                scopes(cemetery, resourceName, parentId).forEach(e -> candidates.addAll(e.getValue().values()));
            }
            return InMemoryQueries.select(candidates, query);
        });
    }

    @Override
    public long countAll(String resourceName, String parentId, List<Filter> filters) {
        return guard.reading(() -> (long) select(store, resourceName, parentId,
                new Query(filters, List.of(), List.of(), null, false)).size());
    }

    @Override
    public Map<String, ObjectCounts> countPerResource() {
        return guard.reading(() -> {
            Map<String, ObjectCounts> counts = new HashMap<>();
            store.forEach((scope, objects) -> counts.merge(scope.resourceName(), new ObjectCounts(objects.size(), 0), MemoryStorage::sum));
            cemetery.forEach((scope, tombstones) -> counts.merge(scope.resourceName(), new ObjectCounts(0, tombstones.size()), MemoryStorage::sum));
            // Emptied scopes stay: a resource name with nothing stored is not reported.
            counts.values().removeIf(ObjectCounts.NONE::equals);
            return counts;
        });
    }

    private static ObjectCounts sum(ObjectCounts a, ObjectCounts b) {
        return new ObjectCounts(a.objects() + b.objects(), a.tombstones() + b.tombstones());
    }

    @Override
    public long resourceTimestamp(String resourceName, String parentId) {
        Scope scope = new Scope(parentId, resourceName);
        Long current = guard.reading(() -> timestamps.get(scope));
        if (current != null) {
            return current;
        }
        return guard.writing(() -> {
            Long created = timestamps.get(scope);
            return created != null ? created : bump(scope, null);
        });
    }

    @Override
    public Map<String, Long> allResourcesTimestamps(String resourceName) {
        return guard.reading(() -> {
            Map<String, Long> all = new HashMap<>();
            timestamps.forEach((scope, timestamp) -> {
                if (scope.resourceName().equals(resourceName)) {
                    all.put(scope.parentId(), timestamp);
                }
            });
            return all;
        });
    }

    @Override
    public int purgeDeleted(String resourceName, String parentId, Long before, Integer maxRetained) {
        return guard.writing(() -> {
            if (resourceName == null && before == null) {
                scopes(timestamps, null, parentId).toList().forEach(e -> timestamps.remove(e.getKey()));
            }
            int purged = 0;
            for (Map.Entry<Scope, Map<String, JsonObject>> entry : scopes(cemetery, resourceName, parentId).toList()) {
                List<JsonObject> newestFirst = entry.getValue().values().stream()
                        .sorted((a, b) -> Long.compare(b.getJsonNumber("last_modified").longValue(),
                                a.getJsonNumber("last_modified").longValue()))
                        .toList();
                int kept = 0;
                for (JsonObject tombstone : newestFirst) {
                    boolean old = before == null || tombstone.getJsonNumber("last_modified").longValue() < before;
                    boolean overQuota = maxRetained != null && kept >= maxRetained;
                    if ((before != null || maxRetained == null) && old || overQuota) {
                        entry.getValue().remove(tombstone.getString("id"));
                        purged++;
                    } else {
                        kept++;
                    }
                }
            }
            return purged;
        });
    }

    @Override
    public void flush() {
        guard.writing(() -> {
            store.clear();
            cemetery.clear();
            timestamps.clear();
        });
    }

    @Override
    public void ping() {
        // Memory is always reachable.
    }

    private long bump(Scope scope, Long given) {
        long previous = timestamps.getOrDefault(scope, 0L);
        long[] bumped = Timestamps.bump(previous, given);
        timestamps.put(scope, bumped[1]);
        return bumped[0];
    }

    private Map<String, JsonObject> objects(Map<Scope, Map<String, JsonObject>> map, String resourceName, String parentId) {
        return map.computeIfAbsent(new Scope(parentId, resourceName), s -> new LinkedHashMap<>());
    }

    private static <V> Stream<Map.Entry<Scope, V>> scopes(Map<Scope, V> map, String resourceName, String parentId) {
        Pattern parent = Pattern.compile(Pattern.quote(parentId).replace("*", "\\E.*\\Q"));
        return map.entrySet().stream()
                .filter(e -> resourceName == null || resourceName.equals(e.getKey().resourceName()))
                .filter(e -> parent.matcher(e.getKey().parentId()).matches());
    }

    private List<Map.Entry<Scope, JsonObject>> select(Map<Scope, Map<String, JsonObject>> map, String resourceName,
                                                      String parentId, Query query) {
        List<Map.Entry<Scope, JsonObject>> all = new ArrayList<>();
        scopes(map, resourceName, parentId).forEach(e -> e.getValue().values().forEach(o -> all.add(Map.entry(e.getKey(), o))));
        return InMemoryQueries.extract(all.stream(), Map.Entry::getValue, query).toList();
    }
}

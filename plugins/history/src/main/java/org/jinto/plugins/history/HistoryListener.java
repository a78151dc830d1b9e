package org.jinto.plugins.history;

import static org.jinto.api.Jsonp.JSON;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.events.Action;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes a history entry for every bucket, group, collection and record change, inside the request's transaction
 * (so a rolled-back request or batch leaves no entry), as Kinto's history listener does. An entry is stored as
 * a {@code history} object under its bucket and readable by whoever may read the bucket, the collection or the
 * object itself.
 */
@ApplicationScoped
public class HistoryListener {

    static final String RESOURCE = "history";
    private static final Set<String> TRACKED = Set.of("bucket", "group", "collection", "record");
    private static final Logger LOG = Logger.getLogger(HistoryListener.class.getName());
    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    @Inject
    HistoryPlugin plugin;
    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;

    /**
     * Called after the other observers of the change (a late priority): the history records what they made of it,
     * and a request takes the lock of its bucket's history last, after the locks that the other observers' writes
     * take, so concurrent requests take their locks in one order and cannot deadlock on them.
     */
    void onResourceChanged(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ResourceChanged event) {
        EventPayload payload = event.payload();
        // A deleted bucket takes its whole history with it: its deletion is not recorded.
        if (!plugin.isEnabled() || !TRACKED.contains(payload.resourceName())
                || (payload.resourceName().equals("bucket") && payload.action() == Action.DELETE)) {
            return;
        }
        HistorySettings history = HistorySettings.from(settings);
        if (history.excludes(payload.userId())) {
            return;
        }
        List<HistoryTarget> targets = new ArrayList<>();
        for (ImpactedObject impacted : event.impactedObjects()) {
            HistoryTarget.of(payload, impacted.newObject(), history.excludedResources()).ifPresent(targets::add);
        }
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Map<String, Set<String>>> permissions = permissionsOf(targets);
        for (HistoryTarget target : targets) {
            JsonObject entry = storage.create(RESOURCE, target.bucketUri(), entry(payload, target, permissions));
            if (history.trimEnabledFor(payload.userId())) {
                trim(target.bucketUri(), payload, history);
            }
            if (history.explicitPermissions()) {
                permission.replaceObjectPermissions(target.bucketUri() + "/history/" + entry.getString("id"),
                        Map.of("read", readers(target, permissions)));
            }
        }
    }

    /** Permissions of the targets, their buckets and collections, fetched at once. */
    private Map<String, Map<String, Set<String>>> permissionsOf(List<HistoryTarget> targets) {
        Set<String> ids = new LinkedHashSet<>();
        for (HistoryTarget target : targets) {
            ids.add(target.uri());
            ids.add(target.bucketUri());
            target.collectionUri().ifPresent(ids::add);
        }
        List<String> idList = List.copyOf(ids);
        List<Map<String, Set<String>>> all = permission.getObjectsPermissions(idList, null);
        Map<String, Map<String, Set<String>>> byId = new HashMap<>();
        for (int i = 0; i < idList.size(); i++) {
            byId.put(idList.get(i), all.get(i));
        }
        return byId;
    }

    /** Kinto's entry: the event payload without its timestamp and bucket id, the date, and the target. */
    private static JsonObject entry(EventPayload payload, HistoryTarget target,
                                    Map<String, Map<String, Set<String>>> permissions) {
        JsonObjectBuilder entry = JSON.createObjectBuilder(payload.toJson())
                .remove("timestamp")
                .remove("bucket_id")
                .add(payload.resourceName() + "_id", target.objectId())
                .add("uri", target.uri())
                .add("id", UUID.randomUUID().toString())
                .add("date", now())
                .add("target", JSON.createObjectBuilder()
                        .add("data", target.object())
                        .add("permissions", permissionsJson(permissions.get(target.uri()))));
        return entry.build();
    }

    /** Who may read the entry: readers and writers of the bucket, the collection and the object. */
    private static Set<String> readers(HistoryTarget target, Map<String, Map<String, Set<String>>> permissions) {
        Set<String> readers = new HashSet<>();
        List<String> sources = new ArrayList<>(List.of(target.bucketUri(), target.uri()));
        target.collectionUri().ifPresent(sources::add);
        for (String source : sources) {
            Map<String, Set<String>> acl = permissions.getOrDefault(source, Map.of());
            readers.addAll(acl.getOrDefault("read", Set.of()));
            readers.addAll(acl.getOrDefault("write", Set.of()));
        }
        return readers;
    }

    /** Keeps the newest {@code auto_trim_max_count} entries of this resource name (and user) in the bucket. */
    private void trim(String bucketUri, EventPayload payload, HistorySettings history) {
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter("resource_name", JSON.createValue(payload.resourceName()), Operator.EQ));
        if (!history.trimUserIds().isEmpty()) {
            filters.add(new Filter("user_id", userIdValue(payload.userId()), Operator.EQ));
        }
        int keep = Math.toIntExact(history.trimMaxCount());
        List<JsonObject> newest = storage.listAll(RESOURCE, bucketUri,
                new Query(filters, List.of(new Sort("last_modified", -1)), List.of(), keep + 1, false));
        if (newest.size() <= keep) {
            return;
        }
        long newestDropped = newest.get(newest.size() - 1).getJsonNumber("last_modified").longValue();
        List<Filter> older = new ArrayList<>(filters);
        older.add(new Filter("last_modified", JSON.createValue(newestDropped), Operator.MAX));
        int deleted = storage.deleteAll(RESOURCE, bucketUri, new Query(older, List.of(), List.of(), null, false)).size();
        LOG.fine(() -> "Trimmed " + deleted + " old history entries of " + bucketUri);
    }

    private static JsonValue userIdValue(String userId) {
        return userId == null ? JsonValue.NULL : JSON.createValue(userId);
    }

    private static JsonObject permissionsJson(Map<String, Set<String>> acl) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        Optional.ofNullable(acl).orElse(Map.of()).forEach((perm, principals) ->
                json.add(perm, JSON.createArrayBuilder(principals.stream().sorted().toList())));
        return json.build();
    }

    /** Python's {@code datetime.now(timezone.utc).isoformat()}: microseconds, omitted when zero. */
    static String now() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String text = PYTHON_ISO.format(now);
        return now.getNano() / 1000 == 0 ? text.replace(".000000", "") : text;
    }
}

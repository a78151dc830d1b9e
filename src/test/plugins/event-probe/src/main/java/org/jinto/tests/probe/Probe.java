package org.jinto.tests.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.storage.BackendException;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every ResourceChanged and AfterResourceChanged: the event, its payload and impacted objects. A record
 * created or updated with {@code "explode": true} makes the ResourceChanged observer throw ({@code "unavailable": true}:
 * a backend failure). On AfterResourceChanged,
 * each record is read back from storage to tell whether what the event reports is what was committed.
 */
@ApplicationScoped
public class Probe {

    @Inject
    Storage storage;

    private final List<JsonObject> seen = new CopyOnWriteArrayList<>();

    void beforeCommit(@Observes ResourceChanged event) {
        seen.add(describe("ResourceChanged", event, event.impactedObjects()).build());
        boolean explode = event.impactedObjects().stream()
                .anyMatch(i -> i.newObject().getBoolean("explode", false));
        if (explode) {
            throw new IllegalStateException("The probe refuses this change");
        }
        if (event.impactedObjects().stream().anyMatch(i -> i.newObject().getBoolean("unavailable", false))) {
            throw new BackendException("The probe's backend is down", null);
        }
    }

    void afterCommit(@Observes AfterResourceChanged event) {
        JsonArrayBuilder stored = Json.createArrayBuilder();
        var payload = event.payload();
        if (payload.resourceName().equals("record")) {
            String parent = "/buckets/" + payload.bucketId().orElseThrow() + "/collections/" + payload.collectionId().orElseThrow();
            for (ImpactedObject impacted : event.impactedObjects()) {
                stored.add(read(parent, impacted.newObject().getString("id")));
            }
        }
        seen.add(describe("AfterResourceChanged", event, event.impactedObjects()).add("stored", stored).build());
    }

    private JsonValue read(String parent, String id) {
        try {
            return storage.get("record", parent, id);
        } catch (ObjectNotFoundException e) {
            return JsonValue.NULL;
        }
    }

    private static jakarta.json.JsonObjectBuilder describe(String type, ResourceEvent event, List<ImpactedObject> impacted) {
        JsonArrayBuilder objects = Json.createArrayBuilder();
        impacted.forEach(i -> objects.add(i.toJson()));
        return Json.createObjectBuilder()
                .add("event", type)
                .add("payload", event.payload().toJson())
                .add("impacted", objects);
    }

    List<JsonObject> seen() {
        return List.copyOf(seen);
    }

    void clear() {
        seen.clear();
    }
}

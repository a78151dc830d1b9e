package org.jinto.plugins.signer;

import jakarta.json.JsonObject;
import org.jinto.api.events.Action;
import org.jinto.api.events.ChangeNotifier;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.storage.Storage;

import java.util.List;

/**
 * The signer's own writes to collections and records: through the storage, each reported as a change made by the
 * plugin's user, as kinto-signer's {@code notify_resource_event} does, so that the history and the event listeners
 * see them, and the signer's listener knows them for its own and ignores them.
 */
final class PluginWrites {

    /** The user id of the plugin's changes in resource events (remote-settings' {@code PLUGIN_USERID}). */
    static final String PLUGIN_USER_ID = "plugin:remote-settings";

    private final Storage storage;
    private final ChangeNotifier notifier;

    PluginWrites(Storage storage, ChangeNotifier notifier) {
        this.storage = storage;
        this.notifier = notifier;
    }

    Storage storage() {
        return storage;
    }

    JsonObject create(String resourceName, String parentUri, JsonObject object) {
        JsonObject created = storage.create(resourceName, parentUri, object);
        notify(resourceName, parentUri, Action.CREATE, new ImpactedObject(null, created));
        return created;
    }

    /** Creates or replaces the object; {@code old} is what it replaces, null if it is new. */
    JsonObject put(String resourceName, String parentUri, String id, JsonObject object, JsonObject old) {
        JsonObject stored = storage.update(resourceName, parentUri, id, object);
        notify(resourceName, parentUri, old == null ? Action.CREATE : Action.UPDATE, new ImpactedObject(old, stored));
        return stored;
    }

    /** Deletes {@code old}, leaving a tombstone. */
    void delete(String resourceName, String parentUri, JsonObject old) {
        JsonObject tombstone = storage.delete(resourceName, parentUri, old.getString("id"), null);
        notify(resourceName, parentUri, Action.DELETE, new ImpactedObject(old, tombstone));
    }

    private void notify(String resourceName, String parentUri, Action action, ImpactedObject impacted) {
        String uri = parentUri + "/" + resourceName + "s/" + impacted.newObject().getString("id");
        long timestamp = impacted.newObject().getJsonNumber("last_modified").longValue();
        notifier.changed(parentUri, EventPayload.ofObject(timestamp, action, uri, PLUGIN_USER_ID), List.of(impacted));
    }
}

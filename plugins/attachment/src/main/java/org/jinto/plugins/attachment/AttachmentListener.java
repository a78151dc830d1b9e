package org.jinto.plugins.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.Settings;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.http.Errno;
import org.jinto.api.storage.Storage;

import java.util.Set;

/**
 * kinto-attachment's listeners: a deleted record, collection or bucket lets go of its files (deleted once the
 * deletion is committed, unless {@code keep_old_files}); a record's {@code attachment} metadata may not be changed
 * by hand. Once a request commits, the files it let go are deleted.
 */
@ApplicationScoped
public class AttachmentListener {

    private static final Set<String> CONTAINERS = Set.of("record", "collection", "bucket");

    @Inject
    AttachmentPlugin plugin;
    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    PendingFiles pending;

    void onChanged(@Observes ResourceChanged event) {
        EventPayload payload = event.payload();
        if (!plugin.isEnabled() || !CONTAINERS.contains(payload.resourceName())) {
            return;
        }
        if (payload.action() == Action.DELETE) {
            for (ImpactedObject impacted : event.impactedObjects()) {
                releaseFilesOf(payload, impacted.oldObject() != null ? impacted.oldObject() : impacted.newObject());
            }
        } else if (payload.action() == Action.UPDATE && payload.resourceName().equals("record")) {
            event.impactedObjects().forEach(impacted -> refuseManualChange(payload, impacted));
        }
    }

    void afterCommit(@Observes AfterResourceChanged event) {
        if (plugin.isEnabled()) {
            pending.committed();
        }
    }

    private void releaseFilesOf(EventPayload payload, JsonObject object) {
        String id = object.getString("id");
        String bucketId = payload.resourceName().equals("bucket") ? id : payload.bucketId().orElseThrow();
        String collectionId = switch (payload.resourceName()) {
            case "collection" -> id;
            case "record" -> payload.collectionId().orElseThrow();
            default -> null;
        };
        String uri = switch (payload.resourceName()) {
            case "bucket" -> "/buckets/" + id;
            case "collection" -> "/buckets/" + bucketId + "/collections/" + id;
            default -> new RecordRef(bucketId, collectionId, id).uri();
        };
        var locations = new FileLinks(storage).remove(payload.resourceName() + "_uri", uri);
        if (!AttachmentSettings.from(settings).forResource(bucketId, collectionId).keepOldFiles()) {
            pending.released(locations);
        }
    }

    private void refuseManualChange(EventPayload payload, ImpactedObject impacted) {
        JsonValue before = impacted.oldObject() == null ? null : impacted.oldObject().get(UploadForm.FILE_FIELD);
        JsonValue after = impacted.newObject().get(UploadForm.FILE_FIELD);
        if (before instanceof JsonObject && after instanceof JsonObject afterObject && !before.equals(after)) {
            String uri = new RecordRef(payload.bucketId().orElseThrow(), payload.collectionId().orElseThrow(),
                    impacted.newObject().getString("id")).uri();
            if (!pending.wroteAttachment(uri, afterObject)) {
                throw Attachments.badRequest(Errno.UNDEFINED,
                        "Attachment metadata cannot be modified.");
            }
        }
    }
}

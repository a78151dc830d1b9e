package org.jinto.plugins.signer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.events.Action;
import org.jinto.api.events.ChangeNotifier;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * kinto-signer's listeners, run inside the request's transaction (a refusal or a failed signature rolls the whole
 * request back): record changes put their source collection in {@code work-in-progress}; a source collection's
 * {@code status} change is checked against the review rules, then acted on (review request, signature, refresh,
 * rollback); a new source collection gets its editors and reviewers groups and a signed, empty destination.
 */
@ApplicationScoped
public class SignerListener {

    @Inject
    SignerPlugin plugin;
    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;
    @Inject
    ChangeNotifier notifier;

    void onChange(@Observes ResourceChanged event) {
        EventPayload payload = event.payload();
        // The plugin's own changes (signatures, copies, status updates) are not checked again.
        if (!plugin.isEnabled() || payload.bucketId().isEmpty()
                || PluginWrites.PLUGIN_USER_ID.equals(payload.userId())) {
            return;
        }
        switch (payload.resourceName()) {
            case "record" -> onRecordsChanged(payload, event.impactedObjects());
            case "collection" -> {
                for (ImpactedObject impacted : event.impactedObjects()) {
                    onCollectionChanged(payload, impacted);
                }
            }
            default -> {
            }
        }
    }

    private void onRecordsChanged(EventPayload payload, List<ImpactedObject> impacted) {
        String bucketId = payload.bucketId().orElseThrow();
        Optional<SignedResource> resource = plugin.config().pick(bucketId, payload.collectionId().orElseThrow());
        if (resource.isEmpty()) {
            return;
        }
        if (payload.action() != Action.DELETE
                && !plugin.config().setting(resource.get(), "allow_floats").map(Boolean::parseBoolean).orElse(false)) {
            impacted.forEach(change -> FloatCheck.reject(change.newObject()));
        }
        publisher(resource.get(), payload.userId()).updateSourceStatus(Status.WORK_IN_PROGRESS, null, false);
    }

    private void onCollectionChanged(EventPayload payload, ImpactedObject impacted) {
        String bucketId = payload.bucketId().orElseThrow();
        JsonObject collection = impacted.newObject();
        String collectionId = collection.getString("id");
        if (payload.action() == Action.DELETE) {
            refuseDeletingPublished(bucketId, collectionId);
            plugin.config().pick(bucketId, collectionId).ifPresent(resource ->
                    unpublish(resource, impacted.oldObject(), payload.userId()));
            return;
        }
        Optional<SignedResource> picked = plugin.config().pick(bucketId, collectionId);
        if (picked.isEmpty()) {
            return;
        }
        SignedResource resource = picked.get();
        JsonObject old = impacted.oldObject() == null ? JsonValue.EMPTY_JSON_OBJECT : impacted.oldObject();
        String userId = payload.userId();
        new ReviewRules(plugin.config(), resource, principals(userId), userId).check(old, collection);
        checkTracking(old, collection);
        Publisher publisher = publisher(resource, userId);
        Optional<Status> oldStatus = status(old);
        Optional<Status> newStatus = status(collection);
        if (payload.action() == Action.CREATE) {
            new ReviewGroups(storage, permission, plugin.config(), resource).create(userId, principals(userId));
            resource.previewRef().ifPresent(preview -> publisher.signAndUpdate(preview, collection, null, null));
            publisher.signAndUpdate(resource.destination(), collection, Status.SIGNED, Status.SIGNED);
            return;
        }
        if (newStatus.isEmpty() || newStatus.equals(oldStatus)) {
            return;
        }
        Status previous = oldStatus.orElse(null);
        switch (newStatus.get()) {
            case TO_SIGN -> {
                resource.previewRef().ifPresent(preview ->
                        publisher.signAndUpdate(preview, collection, Status.SIGNED, previous));
                publisher.signAndUpdate(resource.destination(), collection, Status.SIGNED, previous);
            }
            case TO_REVIEW -> {
                if (resource.previewRef().isPresent()) {
                    publisher.signAndUpdate(resource.preview(), collection, null, null);
                    boolean commentKept = collection.containsKey("last_editor_comment")
                            && !collection.get("last_editor_comment").equals(old.get("last_editor_comment"));
                    publisher.updateSourceStatus(Status.TO_REVIEW, previous, !commentKept);
                } else {
                    publisher.updateSourceReviewRequestBy();
                }
            }
            case TO_RESIGN -> {
                publisher.refreshSignature(resource.destination(), previous);
                resource.previewRef().ifPresent(preview -> publisher.refreshSignature(preview, previous));
            }
            case TO_ROLLBACK -> {
                publisher.rollback(resource.source(), true);
                resource.previewRef().ifPresent(preview -> {
                    publisher.rollback(preview, false);
                    publisher.refreshSignature(preview, null);
                });
            }
            default -> {
            }
        }
    }

    /** The preview or destination of an existing source cannot be deleted. */
    private void refuseDeletingPublished(String bucketId, String collectionId) {
        Optional<SignedResource> publishing = plugin.config().publishingTo(bucketId, collectionId);
        if (publishing.isEmpty()) {
            return;
        }
        CollectionRef source = publishing.get().source();
        try {
            storage.get("collection", source.bucketUri(), source.collection());
        } catch (ObjectNotFoundException sourceGone) {
            return;
        }
        throw ReviewRules.forbidden("Collection is in use.");
    }

    /**
     * A deleted source takes its review groups with it, and its preview and destination are emptied (tombstones
     * kept) and signed, as kinto-signer does unless told to hard-delete.
     */
    private void unpublish(SignedResource resource, JsonObject deletedSource, String userId) {
        for (String group : List.of(plugin.config().editorsGroup(resource), plugin.config().reviewersGroup(resource))) {
            String groupUri = resource.source().bucketUri() + "/groups/" + group;
            try {
                storage.delete("group", resource.source().bucketUri(), group, null);
            } catch (ObjectNotFoundException alreadyGone) {
                continue;
            }
            permission.removePrincipal(groupUri);
            permission.deleteObjectPermissions(List.of(groupUri));
        }
        Publisher publisher = publisher(resource, userId);
        resource.previewRef().ifPresent(preview -> publisher.unpublish(preview, deletedSource));
        publisher.unpublish(resource.destination(), deletedSource);
    }

    /** The tracking fields are the plugin's: a request changing or removing one is refused. */
    private static void checkTracking(JsonObject old, JsonObject collection) {
        for (String field : Publisher.TRACKING_FIELDS) {
            if (!Objects.equals(old.get(field), collection.get(field))) {
                String name = "TRACKING_FIELDS." + field.toUpperCase();
                throw ReviewRules.invalid("Cannot change <" + name + ": '" + field + "'>");
            }
        }
    }

    private static Optional<Status> status(JsonObject collection) {
        JsonValue value = collection.get("status");
        return value instanceof JsonString text ? Status.of(text.getString()) : Optional.empty();
    }

    /** The user's principals as the request's authorization sees them: the user id and its groups. */
    private Set<String> principals(String userId) {
        Set<String> principals = new HashSet<>(Set.of("system.Everyone"));
        if (userId != null) {
            principals.add(userId);
            principals.add("system.Authenticated");
            principals.addAll(permission.getUserPrincipals(userId));
        }
        return principals;
    }

    private Publisher publisher(SignedResource resource, String userId) {
        return new Publisher(new PluginWrites(storage, notifier), permission, plugin.signer(resource), resource, userId);
    }
}

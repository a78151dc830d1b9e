package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.events.Action;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Storage;
import org.jinto.resource.ResourceChange;
import org.jinto.resource.ResourceListener;

import java.util.List;

/**
 * Deleting a bucket deletes everything in it (collections, groups, records, their tombstones and permissions);
 * deleting a collection deletes its records, as Kinto's {@code on_buckets_deleted} and
 * {@code on_collections_deleted} subscribers do. Children leave no tombstones.
 */
@ApplicationScoped
public class ChildrenCascade implements ResourceListener {

    @Inject
    Storage storage;
    @Inject
    PermissionBackend permission;

    @Override
    public void changed(ResourceChange change) {
        if (change.action() != Action.DELETE) {
            return;
        }
        for (ResourceChange.Impacted impacted : change.objects()) {
            String id = impacted.oldObject().getString("id");
            switch (change.resourceName()) {
                case "bucket" -> {
                    String bucketUri = "/buckets/" + id;
                    deleteUnder(bucketUri);
                    deleteUnder(bucketUri + "/*");
                    permission.deleteObjectPermissions(List.of(bucketUri, bucketUri + "/*"));
                }
                case "collection" -> {
                    String collectionUri = "/buckets/" + change.ids().get("bucket_id") + "/collections/" + id;
                    deleteUnder(collectionUri);
                    permission.deleteObjectPermissions(List.of(collectionUri + "/*"));
                }
                default -> {
                    // Other resources have no children.
                }
            }
        }
    }

    private void deleteUnder(String parentPattern) {
        storage.deleteAll(null, parentPattern, Query.all());
        storage.purgeDeleted(null, parentPattern, null, null);
    }
}

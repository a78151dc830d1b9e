package org.jinto.reads;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-ahead through the backends' own calls, for any pair of storage and permission backends. It leaves the
 * timestamp and the count to the storage ({@code resourceTimestamp} creates a missing one: that stays where the
 * engine asks).
 */
public final class BackendReads implements Reads {

    private final Storage storage;
    private final PermissionBackend permission;

    public BackendReads(Storage storage, PermissionBackend permission) {
        this.storage = storage;
        this.permission = permission;
    }

    @Override
    public Prefetched read(ReadAhead request) {
        Set<String> groups = request.groupsOf() == null ? null : permission.getUserPrincipals(request.groupsOf());
        Prefetched prefetched = new Prefetched(request, groups);
        for (ObjectKey key : request.objects()) {
            try {
                prefetched.addObject(key, storage.get(key.resourceName(), key.parentId(), key.id()));
            } catch (ObjectNotFoundException absent) {
                // Absent: not added.
            }
        }
        if (!request.aclObjects().isEmpty()) {
            List<Map<String, Set<String>>> aces = permission.getObjectsPermissions(request.aclObjects(), null);
            for (int i = 0; i < aces.size(); i++) {
                String objectId = request.aclObjects().get(i);
                aces.get(i).forEach((name, principals) -> principals.forEach(p -> prefetched.addAce(objectId, name, p)));
            }
        }
        return prefetched;
    }
}

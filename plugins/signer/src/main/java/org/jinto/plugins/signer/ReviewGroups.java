package org.jinto.plugins.signer;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.api.storage.UnicityException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editors and reviewers groups of a new source collection ({@code <collection>-editors}, with its creator, and
 * an empty {@code <collection>-reviewers}), both allowed to write the collection, as kinto-signer sets them up.
 */
final class ReviewGroups {

    private final Storage storage;
    private final PermissionBackend permission;
    private final SignerConfig config;
    private final SignedResource resource;

    ReviewGroups(Storage storage, PermissionBackend permission, SignerConfig config, SignedResource resource) {
        this.storage = storage;
        this.permission = permission;
        this.config = config;
        this.resource = resource;
    }

    /** @throws org.jinto.api.http.KintoException 403 when the creator may not create groups in the bucket */
    void create(String userId, Set<String> principals) {
        String bucketUri = resource.source().bucketUri();
        if (!permission.checkPermission(principals,
                List.of(Map.entry(bucketUri, "write"), Map.entry(bucketUri, "group:create")))) {
            throw ReviewRules.forbidden("Cannot create collection without `group:create` on bucket '"
                    + resource.source().bucket() + "': editors/reviewers groups cannot be set up.");
        }
        // An anonymous creator (write granted to system.Everyone) owns nothing: the groups start empty.
        createGroup(config.editorsGroup(resource), userId, userId == null ? List.of() : List.of(userId));
        createGroup(config.reviewersGroup(resource), userId, List.of());
        String collectionUri = resource.source().collectionUri();
        for (String group : List.of(config.editorsGroup(resource), config.reviewersGroup(resource))) {
            permission.addPrincipalToAce(collectionUri, "write", bucketUri + "/groups/" + group);
        }
    }

    private void createGroup(String groupId, String owner, List<String> members) {
        String bucketUri = resource.source().bucketUri();
        String groupUri = bucketUri + "/groups/" + groupId;
        JsonObject group = JSON.createObjectBuilder().add("id", groupId)
                .add("members", JSON.createArrayBuilder(members)).build();
        try {
            storage.create("group", bucketUri, group);
        } catch (UnicityException exists) {
            return;
        }
        if (owner != null) {
            permission.replaceObjectPermissions(groupUri, Map.of("write", Set.of(owner)));
        }
        members.forEach(member -> permission.addUserPrincipal(member, groupUri));
    }
}

package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.api.events.Action;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.resource.ResourceChange;
import org.jinto.resource.ResourceListener;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps user principals in step with groups (Kinto's {@code on_groups_changed} / {@code on_groups_deleted}): each
 * member of {@code /buckets/b/groups/g} holds that URI as a principal until removed or the group is deleted.
 */
@ApplicationScoped
public class GroupMembership implements ResourceListener {

    @Inject
    PermissionBackend permission;

    @Override
    public void changed(ResourceChange change) {
        if (!"group".equals(change.resourceName())) {
            return;
        }
        String bucketUri = "/buckets/" + change.ids().get("bucket_id");
        for (ResourceChange.Impacted impacted : change.objects()) {
            String groupUri = bucketUri + "/groups/" + impacted.newObject().getString("id");
            if (Action.DELETE == change.action()) {
                permission.removePrincipal(groupUri);
                continue;
            }
            Set<String> before = members(impacted.oldObject());
            Set<String> after = members(impacted.newObject());
            after.stream().filter(m -> !before.contains(m)).forEach(m -> permission.addUserPrincipal(m, groupUri));
            before.stream().filter(m -> !after.contains(m)).forEach(m -> permission.removeUserPrincipal(m, groupUri));
        }
    }

    private static Set<String> members(JsonObject group) {
        Set<String> members = new HashSet<>();
        if (group != null && group.get("members") instanceof jakarta.json.JsonArray array) {
            for (JsonValue member : array) {
                if (member instanceof JsonString s) {
                    members.add(s.getString());
                }
            }
        }
        return members;
    }
}

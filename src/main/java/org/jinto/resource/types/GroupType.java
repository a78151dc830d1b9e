package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.auth.Identity;
import org.jinto.resource.InvalidRequest;
import org.jinto.resource.ObjectBody;
import org.jinto.resource.ResourceType;

import java.util.List;
import java.util.Map;

/**
 * Groups ({@code /buckets/{bucket_id}/groups/{id}}): a list of {@code members} (user ids); the group's URI
 * becomes a principal of each member (see {@link GroupMembership}).
 */
@ApplicationScoped
public class GroupType extends ResourceType {

    @Override
    public String name() {
        return "group";
    }

    @Override
    protected String pluralPath() {
        return "/buckets/{bucket_id}/groups";
    }

    @Override
    public List<String> permissions() {
        return List.of("read", "write");
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("bucket", List.of("write"), "group", List.of("write")),
                "read", Map.of("bucket", List.of("write", "read"), "group", List.of("write", "read")));
    }

    /** {@code members} defaults to an empty list; members are user ids, not groups nor everyone. */
    @Override
    public JsonObject validate(JsonObject data, String prefix, InvalidRequest errors) {
        JsonValue members = data.get("members");
        if (members == null) {
            return Json.createObjectBuilder(data).add("members", JsonValue.EMPTY_JSON_ARRAY).build();
        }
        List<String> list = ObjectBody.principals(members, prefix + "members", errors);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String member = list.get(i);
                if (member.startsWith("/buckets/") || member.equals(Identity.EVERYONE)) {
                    errors.add("body", prefix + "members." + i, "'" + member + "' is not a valid user ID.");
                }
            }
        }
        return data;
    }
}

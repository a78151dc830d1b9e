package org.jinto.resource.types;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.jinto.auth.Identity;
import org.jinto.resource.RequestContext;
import org.jinto.resource.ResourceType;
import org.jinto.resource.body.ColanderMessages;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.Python;

import java.util.List;
import java.util.Map;

/**
 * Groups ({@code /buckets/{bucket_id}/groups/{id}}): a list of {@code members} (user ids); the group's URI
 * becomes a principal of each member (see {@link GroupMembership}).
 */
@ApplicationScoped
public class GroupType extends ResourceType {

    @Inject
    ResourceSchemas schemas;

    @Override
    public String name() {
        return "group";
    }

    @Override
    protected String pluralPath() {
        return "/buckets/{bucket_id}/groups";
    }

    @Override
    public Map<String, Map<String, List<String>>> inheritance() {
        return Map.of(
                "write", Map.of("bucket", List.of("write"), "group", List.of("write")),
                "read", Map.of("bucket", List.of("write", "read"), "group", List.of("write", "read")));
    }

    /** {@code members} defaults to an empty list; members are user ids, not groups nor everyone. */
    @Override
    public JsonObject validate(JsonObject data, String prefix, List<ErrorDetail> errors) {
        JsonValue members = data.get("members");
        if (members == null) {
            return JSON.createObjectBuilder(data).add("members", JsonValue.EMPTY_JSON_ARRAY).build();
        }
        String field = prefix + "members";
        if (!(members instanceof JsonArray list)) {
            errors.add(ErrorDetail.of("body", field, ColanderMessages.notIterable(members)));
            return data;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonValue member = list.get(i);
            String name = field + "." + i;
            if (!Python.truthy(member)) {
                errors.add(ErrorDetail.of("body", name, ColanderMessages.REQUIRED));
            } else if (!(member instanceof JsonString s)) {
                errors.add(ErrorDetail.of("body", name, ColanderMessages.notAString(member, "")));
            } else if (s.getString().startsWith("/buckets/") || s.getString().equals(Identity.EVERYONE)) {
                errors.add(ErrorDetail.of("body", name, "'" + s.getString() + "' is not a valid user ID."));
            }
        }
        return data;
    }

    /** With schema validation on, a group validates against its bucket's {@code group:schema}. */
    @Override
    public JsonObject process(RequestContext context, JsonObject object, JsonObject old) {
        if (schemas.validation().enabled()) {
            schemas.validation().fromBucket(object, name(), schemas.bucket(context));
        }
        return object;
    }
}

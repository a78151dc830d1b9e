package org.jinto.resource.patch;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jinto.resource.body.ColanderMessages;
import org.jinto.resource.body.ObjectBody;
import org.jinto.resource.errors.InvalidParameters;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a PATCH to an object as Kinto does: RFC 7396 with JSON-P's own implementation
 * ({@link jakarta.json.Json#createMergePatch}), RFC 6902 operation by operation as python-jsonpatch applies them
 * ({@link PythonJsonPatch}).
 * <p>
 * JSON Patch operations address a document {@code {"data": <object>, "permissions": {<perm>: {<principal>:
 * <principal>}}}} (Kinto's representation, where each permission holds its principals as keys): {@code /data/title}
 * changes a field, {@code add /permissions/read/account:bob} grants (the value may be omitted: Kinto takes it from
 * the path), {@code remove /permissions/write/account:bob} revokes. A failing operation is a 400 errno 107
 * {@code JSON Patch operation failed: <python-jsonpatch's message>}.
 */
public final class ObjectPatcher {

    private ObjectPatcher() {
    }

    /**
     * A {@code application/json} or {@code application/merge-patch+json} PATCH.
     *
     * @param existing            the stored object
     * @param body                the validated body ({@link ObjectBody#requireDataOrPermissions()})
     * @param format              {@link PatchFormat#MERGE} or {@link PatchFormat#MERGE_PATCH}
     * @param existingPermissions the object's permissions (used by merge-patch only)
     * @param permissionNames     the resource's permissions, e.g. {@code read, write}
     */
    public static Patched merge(JsonObject existing, ObjectBody body, PatchFormat format,
                                Map<String, ? extends Collection<String>> existingPermissions,
                                List<String> permissionNames) {
        JsonObject changes = body.data() == null ? JsonValue.EMPTY_JSON_OBJECT : body.data();
        if (format == PatchFormat.MERGE) {
            JsonObjectBuilder updated = JSON.createObjectBuilder(existing);
            changes.forEach(updated::add);
            return new Patched(updated.build(), changes, null);
        }
        JsonObject updated = JSON.createMergePatch(changes).apply(existing).asJsonObject();
        return new Patched(updated, changes, mergedPermissions(existingPermissions, body, permissionNames));
    }

    /** Kinto's merge-patch permissions: the given lists replace, null removes, every permission then listed. */
    private static Map<String, List<String>> mergedPermissions(Map<String, ? extends Collection<String>> existing,
                                                               ObjectBody body, List<String> names) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        existing.forEach((name, principals) -> merged.put(name, List.copyOf(principals)));
        if (body.permissions() != null) {
            body.permissions().forEach((name, principals) -> {
                if (principals == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, principals);
                }
            });
        }
        if (merged.isEmpty()) {
            return null;
        }
        names.forEach(name -> merged.putIfAbsent(name, List.of()));
        return merged;
    }

    /**
     * A {@code application/json-patch+json} PATCH.
     *
     * @param operations the request body (checked here as Kinto's {@code JsonPatchBodySchema})
     * @return the patched data and every permission of the object after the patch
     */
    public static Patched jsonPatch(JsonObject existing, Map<String, ? extends Collection<String>> existingPermissions,
                                    JsonValue operations, List<String> permissionNames) {
        JsonArray checked = JsonPatchBody.operations(operations);
        for (JsonValue operation : checked) {
            PythonJsonPatch.invalidPointer(operation.asJsonObject().getString("path")).ifPresent(message -> {
                throw failed(message);
            });
        }
        JsonObject document = JSON.createObjectBuilder()
                .add("data", existing)
                .add("permissions", permissionsDocument(existingPermissions))
                .build();
        for (JsonValue operation : checked) {
            try {
                document = PythonJsonPatch.apply(document, withImplicitPrincipal(operation.asJsonObject()));
            } catch (PythonJsonPatch.Problem problem) {
                throw failed(problem.getMessage());
            }
        }
        JsonValue data = document.get("data");
        if (!(data instanceof JsonObject patched)) {
            throw InvalidParameters.of("body", "data", ColanderMessages.notAMapping(data == null ? JsonValue.NULL : data));
        }
        return new Patched(patched, patched, permissions(document.get("permissions"), permissionNames));
    }

    private static RuntimeException failed(String message) {
        return InvalidParameters.of("body", null, "JSON Patch operation failed: " + message);
    }

    /** Kinto sets the value of any operation on {@code /permissions/read/<p>} or {@code /permissions/write/<p>}. */
    private static JsonObject withImplicitPrincipal(JsonObject operation) {
        String path = operation.getString("path");
        if (!path.startsWith("/permissions/read/") && !path.startsWith("/permissions/write/")) {
            return operation;
        }
        return JSON.createObjectBuilder(operation).add("value", path.substring(path.lastIndexOf('/') + 1)).build();
    }

    private static JsonObject permissionsDocument(Map<String, ? extends Collection<String>> existing) {
        Map<String, Collection<String>> all = new LinkedHashMap<>();
        all.put("read", List.of());
        all.put("write", List.of());
        all.putAll(existing);
        JsonObjectBuilder document = JSON.createObjectBuilder();
        all.forEach((name, principals) -> {
            JsonObjectBuilder set = JSON.createObjectBuilder();
            principals.forEach(principal -> set.add(principal, principal));
            document.add(name, set);
        });
        return document.build();
    }

    /** Principals are the keys of each permission (or the items, when a patch wrote a list), checked as a body. */
    private static Map<String, List<String>> permissions(JsonValue patched, List<String> names) {
        JsonValue asLists = patched;
        if (patched instanceof JsonObject object) {
            JsonObjectBuilder lists = JSON.createObjectBuilder();
            object.forEach((name, principals) -> {
                if (principals instanceof JsonObject set) {
                    JsonArrayBuilder keys = JSON.createArrayBuilder();
                    set.keySet().forEach(keys::add);
                    lists.add(name, keys);
                } else {
                    lists.add(name, principals);
                }
            });
            asLists = lists.build();
        }
        Map<String, List<String>> permissions = ObjectBody.of(
                JSON.createObjectBuilder().add("permissions", asLists == null ? JsonValue.NULL : asLists).build(),
                names).permissions();
        Map<String, List<String>> result = new LinkedHashMap<>();
        permissions.forEach((name, principals) -> result.put(name, principals == null ? List.of() : principals));
        return result;
    }

}

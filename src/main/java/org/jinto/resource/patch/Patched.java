package org.jinto.resource.patch;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a PATCH.
 *
 * @param data        the object after the patch, to validate and store
 * @param changes     Kinto's {@code applied_changes}: the fields the client asked to change (for JSON Patch, the
 *                    whole patched data), used for {@code Response-Behavior: light|diff} and read-only fields
 * @param permissions the permissions to replace on the object (name to principals), or null to leave them to the
 *                    body's {@code permissions} (plain merge: only the permissions given are replaced)
 */
public record Patched(JsonObject data, JsonObject changes, Map<String, List<String>> permissions) {
}

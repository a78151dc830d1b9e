/**
 * PATCH: {@link org.jinto.resource.patch.PatchFormat#of} picks the flavour from the Content-Type;
 * {@link org.jinto.resource.patch.ObjectPatcher#merge} applies a plain or RFC 7396 merge of the body's
 * {@code data}; {@link org.jinto.resource.patch.ObjectPatcher#jsonPatch} applies RFC 6902 operations on
 * {@code /data/...} and {@code /permissions/<perm>/<principal>}. Both give a {@link org.jinto.resource.patch.Patched}
 * (new data, applied changes for Response-Behavior, permissions to replace or null).
 */
package org.jinto.resource.patch;

package org.jinto.resource.patch;

import java.util.Locale;

/** The three PATCH flavours Kinto accepts, chosen by the request's Content-Type. */
public enum PatchFormat {
    /** {@code application/json}: the given {@code data} fields replace the object's (shallow). */
    MERGE,
    /** {@code application/merge-patch+json}: RFC 7396, nested objects merged, {@code null} removes. */
    MERGE_PATCH,
    /** {@code application/json-patch+json}: RFC 6902 operations on {@code /data/...} and {@code /permissions/...}. */
    JSON_PATCH;

    public static PatchFormat of(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (mediaType) {
            case "application/merge-patch+json" -> MERGE_PATCH;
            case "application/json-patch+json" -> JSON_PATCH;
            default -> MERGE;
        };
    }
}

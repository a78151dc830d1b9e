package org.jinto.plugins.attachment;

import org.jinto.api.Settings;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code kinto.attachment.*} settings as kinto-attachment reads them: global values, overridden per bucket
 * ({@code kinto.attachment.resources.<bid>.<name>}) and per collection ({@code ...resources.<bid>.<cid>.<name>}).
 *
 * @param global    the global settings by name ({@code base_url}, {@code keep_old_files}, {@code aws.bucket_name}...)
 * @param resources overrides by bucket URI or collection URI, then by name
 */
record AttachmentSettings(Map<String, String> global, Map<String, Map<String, String>> resources) {

    static final String PREFIX = "kinto.attachment.";
    private static final String RESOURCES = "resources.";
    /** The settings a bucket or collection may override (kinto-attachment 7, plus 6.x's gzipped and folder). */
    private static final Set<String> OVERRIDABLE = Set.of("randomize", "keep_old_files", "max_size_bytes", "gzipped",
            "folder", "extensions", "mimetypes");

    /** @throws IllegalStateException for a malformed override, as kinto-attachment's {@code ConfigurationError} */
    static AttachmentSettings from(Settings settings) {
        Map<String, String> global = new HashMap<>();
        Map<String, Map<String, String>> resources = new HashMap<>();
        for (String key : settings.keys()) {
            String normalized = key.startsWith("kinto.") ? key : "kinto." + key;
            if (!normalized.startsWith(PREFIX)) {
                continue;
            }
            String name = normalized.substring(PREFIX.length());
            String value = settings.get(key).orElse("");
            if (!name.startsWith(RESOURCES)) {
                global.put(name, value);
                continue;
            }
            String[] parts = name.substring(RESOURCES.length()).split("\\.");
            String uri = switch (parts.length) {
                case 2 -> "/buckets/" + parts[0];
                case 3 -> "/buckets/" + parts[0] + "/collections/" + parts[1];
                default -> throw new IllegalStateException("Configuration rule malformed: `" + key + "`");
            };
            String setting = parts[parts.length - 1];
            if (!OVERRIDABLE.contains(setting)) {
                throw new IllegalStateException("`" + setting + "` is not a supported setting name. Read `" + key + "`");
            }
            resources.computeIfAbsent(uri, u -> new HashMap<>()).put(setting, value);
        }
        for (String name : Set.of("base_url", "base_path", "folder", "keep_old_files", "gzipped", "randomize",
                "extensions", "mimetypes", "max_size_bytes", "max_request_bytes", "serve_files", "aws.access_key",
                "aws.secret_key", "aws.bucket_name", "aws.acl", "aws.endpoint_url", "aws.region", "extra.base_url")) {
            // Environment-only values (KINTO_ATTACHMENT_BASE_PATH) are not among the INI file's keys.
            settings.get(PREFIX + name).ifPresent(value -> global.put(name, value));
        }
        AttachmentSettings parsed = new AttachmentSettings(Map.copyOf(global), Map.copyOf(resources));
        parsed.forResource(null, null).maxSizeBytes();
        return parsed;
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(global.get(name)).filter(value -> !value.isBlank());
    }

    /** The base URL of the files, with a trailing slash (locations have no leading one). */
    String baseUrl() {
        return withSlash(get("base_url").orElse(""));
    }

    /** The capability's {@code base_url}: {@code extra.base_url} if set, else {@code base_url}. */
    Optional<String> advertisedBaseUrl() {
        return get("extra.base_url").or(() -> get("base_url")).map(AttachmentSettings::withSlash);
    }

    boolean localStore() {
        return get("base_path").isPresent();
    }

    /** The settings in force for a record of this bucket and collection (null: the global ones). */
    ResourceSettings forResource(String bucketId, String collectionId) {
        Map<String, String> merged = new HashMap<>(global);
        if (bucketId != null) {
            merged.putAll(resources.getOrDefault("/buckets/" + bucketId, Map.of()));
            if (collectionId != null) {
                merged.putAll(resources.getOrDefault("/buckets/" + bucketId + "/collections/" + collectionId,
                        Map.of()));
            }
        }
        return new ResourceSettings(merged);
    }

    private static String withSlash(String url) {
        return url.isEmpty() || url.endsWith("/") ? url : url + "/";
    }

    /** Settings of one bucket or collection, typed. */
    record ResourceSettings(Map<String, String> values) {

        boolean keepOldFiles() {
            return bool("keep_old_files", false);
        }

        boolean randomize() {
            return bool("randomize", true);
        }

        boolean gzipped() {
            return bool("gzipped", false);
        }

        String folder() {
            return values.getOrDefault("folder", "");
        }

        /** 0 for no limit. */
        long maxSizeBytes() {
            String value = values.getOrDefault("max_size_bytes", "0").strip();
            try {
                return Long.parseLong(value.isEmpty() ? "0" : value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Setting kinto.attachment.max_size_bytes: not an integer: " + value);
            }
        }

        FileRules rules() {
            return FileRules.of(values.getOrDefault("extensions", "default"), values.getOrDefault("mimetypes", ""));
        }

        private boolean bool(String name, boolean defaultValue) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                return defaultValue;
            }
            return Set.of("true", "yes", "on", "1", "y", "t").contains(value.strip().toLowerCase(Locale.ROOT));
        }
    }
}

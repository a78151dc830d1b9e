package org.jinto.plugins.attachment;

import java.net.URLConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files may be attached and the mimetype they get: pyramid_storage's {@code extensions} (extensions and
 * groups joined with {@code +}, or {@code any}) and kinto-attachment's {@code mimetypes} overrides
 * ({@code .ftl:application/vnd.fluent;.db:application/vnd.sqlite3}) over its defaults for {@code .pem} and
 * {@code .geojson}.
 */
record FileRules(Set<String> extensions, Map<String, String> mimetypes) {

    private static final List<String> DOCUMENTS = List.of("pdf", "rtf", "odf", "ods", "gnumeric", "abw", "doc", "docx",
            "xls");
    private static final List<String> IMAGES = List.of("jpg", "jpe", "jpeg", "png", "gif", "svg", "bmp", "tiff");
    private static final List<String> DATA = List.of("csv", "ini", "json", "plist", "xml", "yaml", "yml");
    private static final Map<String, List<String>> GROUPS = Map.of(
            "documents", DOCUMENTS,
            "text", List.of("txt"),
            "images", IMAGES,
            "audio", List.of("wav", "mp3", "aac", "ogg", "oga", "flac"),
            "video", List.of("mpeg", "3gp", "avi", "divx", "dvr", "flv", "mp4", "wmv"),
            "data", DATA,
            "scripts", List.of("js", "php", "pl", "py", "rb", "sh"),
            "archives", List.of("gz", "bz2", "zip", "tar", "tgz", "txz", "7z"),
            "executables", List.of("so", "exe", "dll"),
            "default", concat(DOCUMENTS, List.of("txt"), IMAGES, DATA));
    private static final Map<String, String> DEFAULT_MIMETYPES = Map.of(
            ".pem", "application/x-pem-file",
            ".geojson", "application/geojson");

    static FileRules of(String extensionsSetting, String mimetypesSetting) {
        Set<String> extensions = new HashSet<>();
        for (String group : extensionsSetting.split("\\+")) {
            String name = group.strip();
            if (GROUPS.containsKey(name)) {
                extensions.addAll(GROUPS.get(name));
            } else {
                for (String extension : name.split("\\s+")) {
                    extensions.add(extension.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, String> mimetypes = new HashMap<>(DEFAULT_MIMETYPES);
        if (!mimetypesSetting.isBlank()) {
            for (String pair : mimetypesSetting.split(";")) {
                String[] parts = pair.split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("Setting kinto.attachment.mimetypes: not .ext:type: " + pair);
                }
                mimetypes.put(parts[0].strip(), parts[1].strip());
            }
        }
        return new FileRules(Set.copyOf(extensions), Map.copyOf(mimetypes));
    }

    /** pyramid_storage's {@code file_allowed}: the lower-cased extension (none for {@code untitled}) is listed. */
    boolean allows(String filename) {
        return extensions.contains("any") || extensions.contains(extension(filename).toLowerCase(Locale.ROOT));
    }

    /**
     * The configured mimetype of the extension, else the part's own {@code Content-Type}, else one guessed from the
     * name (as Python's {@code mimetypes}), else {@code application/octet-stream}.
     */
    String mimetype(String filename, String partType) {
        String configured = mimetypes.get("." + extension(filename));
        if (configured != null) {
            return configured;
        }
        if (partType != null && !partType.isBlank()) {
            return partType;
        }
        String guessed = URLConnection.guessContentTypeFromName(filename);
        return guessed != null ? guessed : "application/octet-stream";
    }

    /** Python's {@code os.path.splitext} without the dot: text after the last dot, unless the name starts there. */
    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot <= 0 ? "" : filename.substring(dot + 1);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}

package org.jinto.plugins.changes;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.api.Settings;
import org.jinto.api.storage.Storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The entries of {@code monitor/changes}: one per collection under {@code changes.resources} (and not under
 * {@code changes.excluded_collections}) whose records have a timestamp, read from the storage's timestamps without
 * scanning records, as kinto-changes' {@code monitored_timestamps}.
 */
@ApplicationScoped
public class MonitoredCollections {

    @Inject
    Settings settings;
    @Inject
    Storage storage;

    /** {@code {id, last_modified, bucket, collection, host}} per watched collection, in no particular order. */
    List<JsonObject> entries() {
        String host = settings.get("kinto.http_host", "");
        List<String> included = settings.getList("kinto.changes.resources");
        List<String> excluded = settings.getList("kinto.changes.excluded_collections");
        List<JsonObject> entries = new ArrayList<>();
        for (Map.Entry<String, Long> timestamp : storage.allResourcesTimestamps("record").entrySet()) {
            String parent = timestamp.getKey();
            String[] parts = parent.split("/", -1);
            if (parts.length != 5 || !matches(parent, included) || matches(parent, excluded)) {
                continue;
            }
            entries.add(JSON.createObjectBuilder()
                    .add("id", entryId(host, parent))
                    .add("last_modified", timestamp.getValue())
                    .add("bucket", parts[2])
                    .add("collection", parts[4])
                    .add("host", host)
                    .build());
        }
        return entries;
    }

    /** A collection URI is under a bucket URI, or is the collection URI given. */
    private static boolean matches(String collectionUri, List<String> uris) {
        return uris.stream().anyMatch(uri -> collectionUri.startsWith(uri.contains("/collections/") ? uri : uri + "/"));
    }

    /** kinto-changes' entry id: the UUID spelling of the MD5 of host and collection URI. */
    static String entryId(String host, String collectionUri) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((host + collectionUri).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

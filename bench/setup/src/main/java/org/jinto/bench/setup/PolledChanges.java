package org.jinto.bench.setup;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The polled collection's recent history, as a syncing client sees it: after the collection's timestamp
 * {@code since}, five records were updated, three deleted and two created, so {@code ?_since=<since>} answers ten
 * entries (three of them tombstones).
 */
public final class PolledChanges {

    public static final int UPDATED = 5;
    public static final int DELETED = 3;
    public static final int CREATED = 2;

    private PolledChanges() {
    }

    public static int count() {
        return UPDATED + DELETED + CREATED;
    }

    /** Makes the changes in a collection holding records 1..existing; returns the {@code _since} value before them. */
    public static long make(KintoClient client, String recordsPath, int existing) {
        String etag = client.expect("GET", recordsPath + "?_limit=1", null, 200).header("ETag");
        long since = Long.parseLong(etag.replace("\"", ""));
        JsonObject change = Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("title", "changed")).build();
        int n = 1;
        for (int i = 0; i < UPDATED; i++, n++) {
            client.expect("PATCH", recordsPath + "/" + Layout.recordId(n), change, 200);
        }
        for (int i = 0; i < DELETED; i++, n++) {
            client.expect("DELETE", recordsPath + "/" + Layout.recordId(n), null, 200);
        }
        for (int i = 1; i <= CREATED; i++) {
            int created = existing + i;
            client.expect("PUT", recordsPath + "/" + Layout.recordId(created),
                    Json.createObjectBuilder().add("data", RecordShape.record(created)).build(), 201);
        }
        return since;
    }
}

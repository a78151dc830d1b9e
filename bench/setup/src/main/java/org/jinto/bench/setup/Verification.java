package org.jinto.bench.setup;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.stream.IntStream;

/**
 * Before any load: each scenario's request answers what the scenario means to measure (the right record, a full
 * page, the right count, the recent changes), so a wrong answer cannot pass for a fast one.
 */
public final class Verification {

    private final KintoClient client;
    private final Layout layout;

    public Verification(KintoClient client, Layout layout) {
        this.client = client;
        this.layout = layout;
    }

    public void all(long since) {
        recordOf(Layout.SMALL, layout.smallCount() / 2);
        recordOf(Layout.LARGE, 1);
        firstPage(Layout.SMALL, layout.smallCount());
        firstPage(Layout.LARGE, layout.largeCount());
        filterAndSort();
        recentChanges(since);
        headCount(Layout.LARGE, layout.largeCount());
    }

    private void recordOf(String collection, int n) {
        String path = layout.recordsPath(collection) + "/" + Layout.recordId(n);
        JsonObject data = client.expect("GET", path, null, 200).json().getJsonObject("data");
        check(data.getInt("n") == n && data.containsKey("last_modified"), "GET " + path + " answered " + data);
    }

    /**
     * Default order is newest first (the seeding runs batches in parallel, so which record is newest is not known):
     * timestamps strictly decrease along the page, and the list's ETag is the first one's (which also proves records
     * seeded in SQL moved the collection's timestamp).
     */
    private void firstPage(String collection, int count) {
        String path = layout.recordsPath(collection) + "?_limit=100";
        Reply reply = client.expect("GET", path, null, 200);
        JsonArray page = reply.json().getJsonArray("data");
        check(page.size() == 100, "GET " + path + " answered " + page.size() + " records, expected 100");
        long[] timestamps = page.stream()
                .mapToLong(r -> r.asJsonObject().getJsonNumber("last_modified").longValue()).toArray();
        check(IntStream.range(1, timestamps.length).allMatch(i -> timestamps[i - 1] > timestamps[i]),
                "GET " + path + " is not newest first");
        String etag = "\"" + timestamps[0] + "\"";
        check(reply.header("ETag").equals(etag), "GET " + path + " answered ETag " + reply.header("ETag")
                + ", expected the newest record's " + etag);
        checkTotal(client.expect("HEAD", path, null, 200), count);
    }

    private void filterAndSort() {
        String path = layout.recordsPath(Layout.SMALL) + "?" + Layout.FILTER_SORT_QUERY;
        Reply reply = client.expect("GET", path, null, 200);
        JsonArray page = reply.json().getJsonArray("data");
        int[] n = page.stream().mapToInt(r -> r.asJsonObject().getInt("n")).toArray();
        boolean matching = page.stream().map(JsonValue::asJsonObject)
                .allMatch(r -> r.getInt("group") == 2 || r.getInt("group") == 3);
        boolean descending = IntStream.range(1, n.length).allMatch(i -> n[i - 1] > n[i]);
        check(page.size() == 100 && matching && descending,
                "GET " + path + " answered " + page.size() + " records, filtered " + matching + ", sorted " + descending);
        checkTotal(client.expect("HEAD", path, null, 200), (int) IntStream.rangeClosed(1, layout.smallCount()).filter(i -> i % 10 == 2 || i % 10 == 3).count());
    }

    private void recentChanges(long since) {
        String path = layout.recordsPath(Layout.POLLED) + "?_since=" + since;
        JsonArray changes = client.expect("GET", path, null, 200).json().getJsonArray("data");
        long tombstones = changes.stream().filter(r -> r.asJsonObject().getBoolean("deleted", false)).count();
        check(changes.size() == PolledChanges.count() && tombstones == PolledChanges.DELETED,
                "GET " + path + " answered " + changes.size() + " changes (" + tombstones + " deleted), expected "
                        + PolledChanges.count() + " (" + PolledChanges.DELETED + ")");
    }

    private void headCount(String collection, int count) {
        checkTotal(client.expect("HEAD", layout.recordsPath(collection), null, 200), count);
    }

    /** Kinto 25 sends the count as Total-Objects and, for older clients, Total-Records. */
    private static void checkTotal(Reply reply, int expected) {
        String total = reply.headers().firstValue("Total-Objects")
                .or(() -> reply.headers().firstValue("Total-Records"))
                .orElseThrow(() -> new SetupException(reply.request() + " answered no Total-Objects header"));
        check(Integer.parseInt(total) == expected, reply.request() + " counted " + total + ", expected " + expected);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new SetupException(failure);
        }
    }
}

package org.jinto.bench.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names and sizes of the benchmark data: one bucket of collections, one per scenario family. The Lua scenarios read
 * these through the environment ({@link #environment()}), so the names are decided here only.
 *
 * @param bucket      the bucket holding every collection
 * @param smallCount  records in the small collection (and in the polled one)
 * @param largeCount  records in the large collection
 * @param spreadCount collections the spread POST scenario writes into
 * @param patchCount  records the PATCH scenario updates, one per connection so no connection races another
 */
public record Layout(String bucket, int smallCount, int largeCount, int spreadCount, int patchCount) {

    public static final String SMALL = "small";
    public static final String LARGE = "large";
    public static final String POLLED = "polled";
    public static final String POSTS = "posts";
    /** Not "batched": like Kinto, the batch endpoint refuses any sub-request path containing "/batch". */
    public static final String BATCHED = "bulk";
    public static final String PATCHED = "patched";
    public static final String SPREAD_PREFIX = "spread-";
    /** The filter and sort scenario's query on the small collection: two groups of ten, newest n first. */
    public static final String FILTER_SORT_QUERY = "in_group=2,3&_sort=-n&_limit=100";

    /** Record ids the scenarios can compute: r0000001, r0000002, … (same format in seed-records.sql and Lua). */
    public static String recordId(int n) {
        return String.format("r%07d", n);
    }

    public static String patchRecordId(int connection) {
        return String.format("patch-%02d", connection);
    }

    public static String spreadCollection(int index) {
        return String.format("%s%03d", SPREAD_PREFIX, index);
    }

    public String bucketPath() {
        return "/buckets/" + bucket;
    }

    public String collectionPath(String collection) {
        return bucketPath() + "/collections/" + collection;
    }

    public String recordsPath(String collection) {
        return collectionPath(collection) + "/records";
    }

    /** Every collection the scenarios use. */
    public List<String> collections() {
        List<String> all = new ArrayList<>(List.of(SMALL, LARGE, POLLED, POSTS, BATCHED, PATCHED));
        for (int i = 0; i < spreadCount; i++) {
            all.add(spreadCollection(i));
        }
        return all;
    }

    /** The variables the Lua scenarios read (see bench/lua/bench.lua). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BENCH_BUCKET", bucket);
        env.put("BENCH_SMALL", SMALL);
        env.put("BENCH_SMALL_COUNT", Integer.toString(smallCount));
        env.put("BENCH_LARGE", LARGE);
        env.put("BENCH_LARGE_COUNT", Integer.toString(largeCount));
        env.put("BENCH_POLLED", POLLED);
        env.put("BENCH_POSTS", POSTS);
        env.put("BENCH_BATCHED", BATCHED);
        env.put("BENCH_PATCHED", PATCHED);
        env.put("BENCH_SPREAD_PREFIX", SPREAD_PREFIX);
        env.put("BENCH_SPREAD_COUNT", Integer.toString(spreadCount));
        env.put("BENCH_FILTER_SORT_QUERY", FILTER_SORT_QUERY);
        return env;
    }
}

package org.jinto.reads;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link Reads} must answer: the same as the storage and permission backends it reads ahead for. A
 * test passes a pair of backends (emptied before each test) and gives the {@code Reads} over them.
 */
public abstract class ReadsContract {

    private static final String COLLECTION_URI = "/buckets/b/collections/c";
    private static final ObjectKey RECORD = new ObjectKey("record", COLLECTION_URI, "r1");
    private static final ObjectKey COLLECTION = new ObjectKey("collection", "/buckets/b", "c");

    private final Storage storage;
    private final PermissionBackend permission;
    private final Reads reads;
    private final boolean readsTimestamps;

    /**
     * @param reads           the read-ahead under test over {@code storage} and {@code permission}
     * @param readsTimestamps whether {@link Prefetched#timestamp} answers the stored timestamp (else it leaves it
     *                        to the storage)
     */
    protected ReadsContract(Storage storage, PermissionBackend permission,
                            BiFunction<Storage, PermissionBackend, Reads> reads, boolean readsTimestamps) {
        this.storage = storage;
        this.permission = permission;
        this.reads = reads.apply(storage, permission);
        this.readsTimestamps = readsTimestamps;
    }

    @BeforeEach
    void empty() {
        storage.flush();
        permission.flush();
    }

    private static ReadAhead everything(String user) {
        return new ReadAhead(user, List.of(RECORD, COLLECTION), "record", COLLECTION_URI,
                List.of(COLLECTION_URI + "/records/r1", COLLECTION_URI, "/buckets/b"));
    }

    @Test
    void answersWhatTheBackendsAnswer() {
        storage.create("collection", "/buckets/b", object("c", 5));
        JsonObject record = storage.create("record", COLLECTION_URI, object("r1", 7));
        permission.addPrincipalToAce(COLLECTION_URI + "/records/r1", "write", "account:alice");
        permission.addPrincipalToAce(COLLECTION_URI + "/records/r1", "read", "system.Everyone");
        permission.addPrincipalToAce("/buckets/b", "read", "/buckets/b/groups/g");
        permission.addPrincipalToAce("/elsewhere", "read", "account:alice");
        permission.addUserPrincipal("account:alice", "/buckets/b/groups/g");
        permission.addUserPrincipal("system.Authenticated", "/buckets/b/groups/all");
        permission.addUserPrincipal("account:bob", "/buckets/b/groups/h");

        Prefetched prefetched = reads.read(everything("account:alice"));

        assertEquals(record, prefetched.object(RECORD));
        assertEquals(storage.get("collection", "/buckets/b", "c"), prefetched.object(COLLECTION));
        assertEquals(permission.getUserPrincipals("account:alice"), prefetched.groups());
        assertEquals(Set.of("/buckets/b/groups/g", "/buckets/b/groups/all"), prefetched.groups());
        for (String uri : List.of(COLLECTION_URI + "/records/r1", COLLECTION_URI, "/buckets/b")) {
            assertEquals(permission.getObjectPermissions(uri, null), prefetched.aces(uri));
        }
        assertNull(prefetched.aces("/elsewhere"), "not read ahead");
        Long timestamp = prefetched.timestamp("record", COLLECTION_URI);
        Long liveObjects = prefetched.liveObjects("record", COLLECTION_URI);
        if (readsTimestamps) {
            assertEquals(storage.resourceTimestamp("record", COLLECTION_URI), timestamp);
            assertEquals(storage.countAll("record", COLLECTION_URI, List.of()), liveObjects);
        } else {
            assertNull(timestamp);
            assertNull(liveObjects);
        }
        assertNull(prefetched.liveObjects("collection", "/buckets/b"), "not read ahead");
        assertNull(prefetched.timestamp("collection", "/buckets/b"), "not read ahead");
    }

    @Test
    void checksPermissionsAsTheBackendOnObjectsReadAhead() {
        permission.addPrincipalToAce("/buckets/b", "write", "account:alice");
        Prefetched prefetched = reads.read(everything(null));
        List<Map.Entry<String, String>> bucketWrite = List.of(Map.entry(COLLECTION_URI, "read"),
                Map.entry("/buckets/b", "write"));
        for (Set<String> principals : List.of(Set.of("account:alice"), Set.of("account:bob"))) {
            assertEquals(permission.checkPermission(principals, bucketWrite),
                    prefetched.checkPermission(principals, bucketWrite));
        }
        assertNull(prefetched.checkPermission(Set.of("account:alice"), List.of(Map.entry("/elsewhere", "read"))));
        assertNull(prefetched.groups(), "groups not asked");
    }

    @Test
    void absentDeletedAndUnknownObjects() {
        storage.create("record", COLLECTION_URI, object("r1", 7));
        storage.delete("record", COLLECTION_URI, "r1", null);
        Prefetched prefetched = reads.read(everything("account:nobody"));
        assertTrue(prefetched.covers(RECORD));
        assertNull(prefetched.object(RECORD), "a tombstone is not an object");
        assertNull(prefetched.object(COLLECTION));
        assertFalse(prefetched.covers(new ObjectKey("record", COLLECTION_URI, "r2")));
        assertEquals(Set.of(), prefetched.groups());
        assertEquals(Map.of(), prefetched.aces(COLLECTION_URI));
        if (readsTimestamps) {
            assertEquals(0L, prefetched.liveObjects("record", COLLECTION_URI), "tombstones are not counted");
            String never = "/buckets/b/collections/never";
            assertEquals(0L, reads.read(new ReadAhead(null, List.of(), "record", never, List.of()))
                    .liveObjects("record", never), "never written");
        }
    }

    @Test
    void anEmptyReadAheadReadsNothing() {
        Prefetched prefetched = reads.read(new ReadAhead(null, List.of(), null, null, List.of()));
        assertNull(prefetched.groups());
        assertNull(prefetched.timestamp("record", COLLECTION_URI));
    }

    private static JsonObject object(String id, long n) {
        return Json.createObjectBuilder().add("id", id).add("n", n).build();
    }
}

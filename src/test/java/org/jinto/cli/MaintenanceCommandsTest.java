package org.jinto.cli;

import jakarta.json.Json;
import org.jinto.api.storage.Storage;
import org.jinto.auth.AccountCredentialsCache;
import org.jinto.auth.Passwords;
import org.jinto.cache.redis.RedisCache;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.settings.KintoSettings;
import org.jinto.storage.postgresql.PostgresqlStorage;
import org.jinto.storage.postgresql.PostgresqlTestDatabase;
import org.jinto.database.Database;
import org.jinto.database.Sql;
import org.jinto.testing.JintoServer;
import org.jinto.testing.TestRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maintenance commands run in-process through their entry point, on real PostgreSQL and Redis. */
class MaintenanceCommandsTest {

    private record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nout: " + out + "\nerr: " + err;
        }
    }

    /** Settings of the PostgreSQL backends on a new, empty database. */
    private static Map<String, String> postgresql() {
        Map<String, String> settings = new TreeMap<>(JintoServer.postgresql());
        settings.put("kinto.includes", "kinto.plugins.accounts");
        return settings;
    }

    private static Result run(Map<String, String> settings, String... args) throws Exception {
        return runWithInput(settings, "", args);
    }

    private static Result runWithInput(Map<String, String> settings, String input, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--ini");
        all.add(JintoServer.writeIni(settings).toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new JintoCli(() -> null, new BufferedReader(new StringReader(input)))
                .run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    private static Database open(Map<String, String> settings) {
        return PostgresqlTestDatabase.open(settings.get("kinto.storage_url"), Map.of());
    }

    private static List<String> tables(Database database) {
        return database.run(connection -> new Sql("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' ORDER BY 1").list(connection, row -> row.getString(1)));
    }

    @Test
    void migrateCreatesTheSchemasOnAnEmptyDatabaseThenHasNothingToDo() throws Exception {
        Map<String, String> settings = postgresql();

        Result first = run(settings, "migrate");
        Result second = run(settings, "migrate");

        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().contains("storage: 5 migration(s) applied."), first.toString());
        assertTrue(first.out().contains("permission: 1 migration(s) applied."), first.toString());
        try (Database database = open(settings)) {
            assertTrue(tables(database).containsAll(List.of("objects", "timestamps", "change_log", "listener_deliveries", "access_control_entries",
                    "user_principals")), tables(database).toString());
        }
        assertEquals(0, second.status(), second.toString());
        assertEquals("storage: schema up to date, no migration pending.\n"
                + "permission: schema up to date, no migration pending.\n", second.out());
        Result dryRun = run(settings, "migrate", "--dry-run");
        assertEquals(0, dryRun.status(), dryRun.toString());
        assertEquals(second.out(), dryRun.out());
    }

    @Test
    void dryRunListsThePendingMigrationsAndChangesNothing() throws Exception {
        Map<String, String> settings = postgresql();

        Result dryRun = run(settings, "migrate", "--dry-run");

        assertEquals(0, dryRun.status(), dryRun.toString());
        assertEquals("storage: 5 migration(s) pending: V1 objects and timestamps, V2 live object counts, V3 change log and listener deliveries,"
                + " V4 live object counts kept by the writes, V5 key lookups on the primary key\n"
                + "permission: 1 migration(s) pending: V1 access control entries\n", dryRun.out());
        try (Database database = open(settings)) {
            assertEquals(List.of(), tables(database));
        }
    }

    @Test
    void migrateLeavesMemoryBackendsAloneAndRefusesReadonlyServers() throws Exception {
        Result memory = run(Map.of("kinto.storage_backend", "memory"), "migrate");
        assertEquals(0, memory.status(), memory.toString());
        assertEquals("storage: memory backend, nothing to migrate.\npermission: memory backend, nothing to migrate.\n",
                memory.out());

        Map<String, String> readonly = postgresql();
        readonly.put("kinto.readonly", "true");
        Result refused = run(readonly, "migrate");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("readonly mode"), refused.toString());
    }

    @Test
    void purgeDeletedKeepsTheNewestTombstonesOfEachCollectionInBatches() throws Exception {
        Map<String, String> settings = postgresql();
        assertEquals(0, run(settings, "migrate").status());
        try (Database database = open(settings)) {
            Storage storage = new PostgresqlStorage(database, 10000);
            String big = "/buckets/b/collections/big";
            String small = "/buckets/b/collections/small";
            storage.create("record", big, object("alive"));
            storage.create("record", small, object("alive"));
            // Eleven tombstones deleted in an order unlike their timestamps: r07, r03, r10 are the newest three.
            long[] lastModified = {50, 60, 70, 1003, 80, 90, 100, 1002, 110, 120, 1001};
            for (int i = 0; i < lastModified.length; i++) {
                tombstone(storage, "record", big, "r%02d".formatted(i), lastModified[i]);
            }
            tombstone(storage, "record", small, "s1", 10);
            tombstone(storage, "record", small, "s2", 20);
            for (int i = 0; i < 5; i++) {
                tombstone(storage, "collection", "/buckets/b", "gone" + i, 30 + i);
            }

            Result purge = run(settings, "purge-deleted", "record", "3", "--batch-size", "4");

            assertEquals(0, purge.status(), purge.toString());
            assertEquals("Keep only 3 tombstones per parent and resource.\nrecord: 8 tombstone(s) deleted.\n"
                    + "8 tombstone(s) deleted.\n", purge.out());
            assertEquals(List.of(big + " alive false", big + " r03 true", big + " r07 true", big + " r10 true",
                    small + " alive false", small + " s1 true", small + " s2 true"), objects(database, "record"));
            assertEquals(5, objects(database, "collection").size(), "resources not named keep their tombstones");
        }
    }

    @Test
    void purgeDeletedRefusesUnknownResourcesAndBadArguments() throws Exception {
        Map<String, String> settings = postgresql();
        assertEquals(0, run(settings, "migrate").status());
        try (Database database = open(settings)) {
            tombstone(new PostgresqlStorage(database, 10000), "record", "/buckets/b/collections/c", "r", 10);

            Result unknown = run(settings, "purge-deleted", "record,nope", "0");
            assertEquals(1, unknown.status(), unknown.toString());
            assertTrue(unknown.err().contains("Unknown resource(s) nope; known here: bucket, collection, group, record"),
                    unknown.toString());
            assertEquals(1, objects(database, "record").size(), "nothing purged");
        }
        for (String[] args : List.of(new String[]{"purge-deleted", "record"}, new String[]{"purge-deleted", "record", "many"},
                new String[]{"purge-deleted", "record", "-2"}, new String[]{"purge-deleted", ",", "3"}, new String[]{"purge-deleted", "record", "1", "--batch-size", "0"})) {
            Result bad = run(settings, args);
            assertEquals(2, bad.status(), bad.toString());
            assertTrue(bad.err().contains("Usage: jinto purge-deleted"), bad.toString());
        }
    }

    @Test
    void dataCommandsNeedAMigratedReachableDatabase() throws Exception {
        Result memory = run(Map.of("kinto.storage_backend", "kinto.core.storage.memory"), "purge-deleted", "record", "1");
        assertEquals(1, memory.status(), memory.toString());
        assertTrue(memory.err().contains("the memory storage lives inside each server process"), memory.toString());

        Result unknownBackend = run(Map.of("kinto.storage_backend", "mongodb"), "purge-deleted", "record", "1");
        assertEquals(1, unknownBackend.status(), unknownBackend.toString());
        assertTrue(unknownBackend.err().contains("valid values: memory, postgresql"), unknownBackend.toString());

        Result unmigrated = run(postgresql(), "purge-deleted", "record", "1");
        assertEquals(1, unmigrated.status(), unmigrated.toString());
        assertTrue(unmigrated.err().contains("run the migrate command first"), unmigrated.toString());

        Map<String, String> down = postgresql();
        down.put("kinto.storage_url", "postgresql://postgres@127.0.0.1:1/jinto");
        Result unreachable = run(down, "purge-deleted", "record", "1");
        assertEquals(1, unreachable.status(), unreachable.toString());
        assertTrue(unreachable.err().startsWith("Error: ") && unreachable.err().contains("127.0.0.1:1"), unreachable.toString());
    }

    @Test
    void createUserStoresAVerifiableAccountOwningItselfAndResetsItsPassword() throws Exception {
        Map<String, String> settings = postgresql();
        settings.put("kinto.cache_backend", "redis");
        settings.put("kinto.cache_url", TestRedis.url(0));
        settings.put("kinto.cache_prefix", "jinto-cli-" + UUID.randomUUID() + ":");
        assertEquals(0, run(settings, "migrate").status());

        Result created = run(settings, "create-user", "--username", "alice", "--password", "s3cret");

        assertEquals(0, created.status(), created.toString());
        assertEquals("Creating user 'alice'\n", created.out());
        try (Database database = open(settings); RedisCache cache = new RedisCache(new KintoSettings(settings, name -> null))) {
            PostgresqlStorage storage = new PostgresqlStorage(database, 10000);
            assertTrue(Passwords.verify("s3cret", storage.get("account", "alice", "alice").getString("password")));
            assertEquals(java.util.Set.of("account:alice"),
                    new PostgresqlPermission(database).getObjectPermissionPrincipals("/accounts/alice", "write"));
            AccountCredentialsCache verified = new AccountCredentialsCache(new KintoSettings(settings, name -> null), cache);
            verified.remember("alice", "s3cret");

            Result reset = run(settings, "create-user", "-u", "alice", "-p", "n3w");

            assertEquals(0, reset.status(), reset.toString());
            String hash = storage.get("account", "alice", "alice").getString("password");
            assertTrue(Passwords.verify("n3w", hash));
            assertFalse(Passwords.verify("s3cret", hash));
            assertFalse(verified.recentlyVerified("alice", "s3cret"), "a running server forgets the old password");
        }
    }

    @Test
    void createUserPromptsForMissingValuesAndStopsAtTheEndOfInput() throws Exception {
        Map<String, String> settings = postgresql();
        assertEquals(0, run(settings, "migrate").status());

        Result prompted = runWithInput(settings, "bob\nfirst\nother\npw\npw\n", "create-user", "-u", "not valid!");

        assertEquals(0, prompted.status(), prompted.toString());
        assertTrue(prompted.out().startsWith("not valid! is not a valid username.\nUsername should match "), prompted.toString());
        assertTrue(prompted.out().contains("Sorry, passwords do not match, please try again."), prompted.toString());
        try (Database database = open(settings)) {
            String hash = new PostgresqlStorage(database, 10000).get("account", "bob", "bob").getString("password");
            assertTrue(Passwords.verify("pw", hash));
        }

        Result aborted = runWithInput(settings, "carol\nonly-once\n", "create-user");
        assertEquals(53, aborted.status(), aborted.toString());
        assertTrue(aborted.err().contains("User creation aborted"), aborted.toString());
    }

    @Test
    void createUserNeedsTheAccountsPluginAndAWritableServer() throws Exception {
        Map<String, String> withoutAccounts = postgresql();
        withoutAccounts.remove("kinto.includes");
        Result noPlugin = run(withoutAccounts, "create-user", "-u", "alice", "-p", "x");
        assertEquals(52, noPlugin.status(), noPlugin.toString());
        assertTrue(noPlugin.err().contains("accounts plugin is not installed"), noPlugin.toString());

        Map<String, String> readonly = postgresql();
        readonly.put("kinto.readonly", "true");
        Result refused = run(readonly, "create-user", "-u", "alice", "-p", "x");
        assertEquals(51, refused.status(), refused.toString());
        assertTrue(refused.err().contains("readonly server"), refused.toString());
    }

    @Test
    void flushCacheEmptiesTheRedisKeysUnderThePrefixOnly() throws Exception {
        String prefix = "jinto-cli-" + UUID.randomUUID() + ":";
        String other = "jinto-cli-other-" + UUID.randomUUID();
        Map<String, String> settings = Map.of("kinto.cache_backend", "kinto_redis.cache",
                "kinto.cache_url", TestRedis.url(0), "kinto.cache_prefix", prefix);
        try (Jedis redis = new Jedis(URI.create(TestRedis.url(0)))) {
            redis.set(prefix + "a", "1");
            redis.set(prefix + "b", "2");
            redis.set(other, "3");

            Result flushed = run(settings, "flush-cache");

            assertEquals(0, flushed.status(), flushed.toString());
            assertEquals("Cache has been cleared.\n", flushed.out());
            assertEquals(0, redis.exists(prefix + "a", prefix + "b"));
            assertEquals("3", redis.get(other));
            redis.del(other);
        }
    }

    @Test
    void flushCacheCannotReachAMemoryCache() throws Exception {
        Result memory = run(Map.of("kinto.cache_backend", "memory"), "flush-cache");

        assertEquals(1, memory.status(), memory.toString());
        assertTrue(memory.err().contains("the cache lives inside each server process"), memory.toString());
    }

    @Test
    void aCommandIsRequired() throws Exception {
        Result none = run(Map.of());

        assertEquals(2, none.status(), none.toString());
        assertTrue(none.err().contains("Missing command: migrate, purge-deleted, create-user, flush-cache"), none.toString());
    }

    private static jakarta.json.JsonObject object(String id) {
        return Json.createObjectBuilder().add("id", id).build();
    }

    private static void tombstone(Storage storage, String resource, String parent, String id, long lastModified) {
        storage.create(resource, parent, object(id));
        storage.delete(resource, parent, id, lastModified);
    }

    /** "parent id deleted" of every stored object of the resource, sorted. */
    private static List<String> objects(Database database, String resource) {
        return database.run(connection -> new Sql("SELECT parent_id || ' ' || id || ' ' || deleted FROM objects"
                + " WHERE resource_name = ").param(resource).add(" ORDER BY parent_id, id")
                .list(connection, row -> row.getString(1)));
    }
}

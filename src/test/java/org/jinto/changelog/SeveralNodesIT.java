package org.jinto.changelog;

import jakarta.json.JsonObject;
import org.jinto.launcher.EmbeddedServer;
import org.jinto.testing.EventStream;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.jinto.testing.AuthHeaders.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Jinto nodes on one PostgreSQL database, each with its own memory cache, behave as one service: an account's
 * password changed on one is refused on the other at once (the change reaches it as a RemoteResourceChanged, also
 * after its LISTEN connection was cut), a change stream on one follows the changes committed on the other, each webhook event is delivered once whichever node wrote it, and writes of
 * both nodes to one collection get strictly increasing timestamps.
 */
class SeveralNodesIT {

    private static final WebhookReceiver receiver;
    private static String database;
    private static EmbeddedServer nodeA;
    private static EmbeddedServer nodeB;

    static {
        try {
            receiver = new WebhookReceiver();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(JintoServer.onPostgresql(), "nodes share a PostgreSQL database");
        receiver.start();
        Map<String, String> settings = receiver.hookedTo(JintoServer.postgresql());
        database = settings.get("kinto.storage_url");
        settings.put("kinto.change_log_retention_seconds", "3600");
        settings.put("kinto.changes_stream_enabled", "true");
        settings.put("kinto.includes", "kinto.plugins.accounts");
        settings.put("multiauth.policies", "account basicauth");
        settings.put("kinto.userid_hmac_secret", JintoServer.SECRET);
        settings.put("kinto.account_create_principals", "system.Everyone");
        settings.put("kinto.bucket_create_principals", "system.Authenticated");
        // Without the notifications, node B would accept the old password for an hour.
        settings.put("kinto.account_cache_ttl_seconds", "3600");
        nodeA = JintoServer.startPrivate(settings);
        nodeB = JintoServer.startPrivate(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        for (EmbeddedServer node : new EmbeddedServer[]{nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        receiver.close();
    }

    private static Http on(EmbeddedServer node) {
        return new Http(node.baseUrl());
    }

    /** Creates an account on node A, and has node B verify (and cache) its password. */
    private static String accountVerifiedOnB(String password) {
        String id = "user-" + UUID.randomUUID();
        assertEquals(201, on(nodeA).send("PUT", "/accounts/" + id,
                "{\"data\": {\"password\": \"" + password + "\"}}").status());
        assertEquals("account:" + id, userOnB(id, password));
        return id;
    }

    private static void changePasswordOnA(String id, String from, String to) {
        assertEquals(200, on(nodeA).as(id, from).send("PATCH", "/accounts/" + id,
                "{\"data\": {\"password\": \"" + to + "\"}}").status());
    }

    /** The user node B sees for these credentials (an account's, or else basicauth's), null if none. */
    private static String userOnB(String id, String password) {
        JsonObject hello = on(nodeB).as(id, password).get("/").object();
        return hello.containsKey("user") ? hello.getJsonObject("user").getString("id") : null;
    }

    private static void awaitRefusedOnB(String id, String oldPassword, String newPassword) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !("account:" + id).equals(userOnB(id, oldPassword)));
        assertEquals("account:" + id, userOnB(id, newPassword));
    }

    @Test
    void aPasswordChangedOnOneNodeIsRefusedOnTheOther() {
        String id = accountVerifiedOnB("first-password");
        changePasswordOnA(id, "first-password", "second-password");
        awaitRefusedOnB(id, "first-password", "second-password");
    }

    @Test
    void aNodeWhoseListenConnectionIsCutReconnectsAndMissesNothing() throws SQLException {
        String id = accountVerifiedOnB("first-password");
        assertEquals(2, terminateBusConnections(), "one LISTEN connection per node");
        // Changed while the nodes reconnect: read from the change log once they are back.
        changePasswordOnA(id, "first-password", "second-password");
        awaitRefusedOnB(id, "first-password", "second-password");
        await().atMost(Duration.ofSeconds(30)).until(() -> busConnections() == 2);
    }

    @Test
    void eachWebhookEventIsDeliveredOnceWhicheverNodeWroteIt() {
        String collection = "/buckets/" + UUID.randomUUID() + "/collections/c";
        Http aliceOnA = on(nodeA).as("alice", "secret");
        Http aliceOnB = on(nodeB).as("alice", "secret");
        assertEquals(201, aliceOnA.send("PUT", collection.substring(0, collection.indexOf("/collections")), null).status());
        assertEquals(201, aliceOnB.send("PUT", collection, null).status());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String uri = collection + "/records/r" + i;
            assertEquals(201, (i % 2 == 0 ? aliceOnA : aliceOnB).send("PUT", uri, "{\"data\": {}}").status());
            written.add(uri);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.uris(collection).size() >= written.size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.uris(collection).size() == written.size());
        assertEquals(written, receiver.uris(collection), "in commit order, each once");
    }

    @Test
    void aChangeStreamOnOneNodeReceivesTheChangesCommittedOnTheOther() throws Exception {
        String collection = "/buckets/" + UUID.randomUUID() + "/collections/c";
        Http aliceOnA = on(nodeA).as("alice", "secret");
        assertEquals(201, aliceOnA.send("PUT", collection.substring(0, collection.indexOf("/collections")), null).status());
        assertEquals(201, aliceOnA.send("PUT", collection, null).status());
        try (EventStream stream = EventStream.open(nodeB.baseUrl() + collection + "/changes",
                "Authorization", basic("alice", "secret"))) {
            assertEquals(200, stream.status());
            Http.Response created = aliceOnA.send("PUT", collection + "/records/r", "{\"data\": {\"n\": 1}}");
            assertEquals(201, created.status());
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.events().isEmpty());
            EventStream.Event event = stream.events().get(0);
            assertEquals(created.object().getJsonObject("data").getJsonNumber("last_modified").longValue(), event.id());
            assertEquals("create", event.data().getString("action"));
            assertEquals(1, event.data().getJsonArray("impacted_objects").getJsonObject(0).getJsonObject("new").getInt("n"));
        }
    }

    @Test
    void bothNodesWritingOneCollectionGetStrictlyIncreasingTimestamps() {
        String collection = "/buckets/" + UUID.randomUUID() + "/collections/c";
        Http aliceOnA = on(nodeA).as("alice", "secret");
        assertEquals(201, aliceOnA.send("PUT", collection.substring(0, collection.indexOf("/collections")), null).status());
        assertEquals(201, aliceOnA.send("PUT", collection, null).status());
        List<CompletableFuture<List<Long>>> writers = List.of(nodeA, nodeB).stream()
                .map(node -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 20).mapToObj(i -> {
                    Http.Response created = on(node).as("alice", "secret").send("POST", collection + "/records", "{\"data\": {}}");
                    assertEquals(201, created.status());
                    return created.object().getJsonObject("data").getJsonNumber("last_modified").longValue();
                }).toList()))
                .toList();
        Set<Long> all = new HashSet<>();
        for (CompletableFuture<List<Long>> writer : writers) {
            List<Long> timestamps = writer.join();
            for (int i = 1; i < timestamps.size(); i++) {
                assertTrue(timestamps.get(i) > timestamps.get(i - 1), "one node's successive writes: " + timestamps);
            }
            all.addAll(timestamps);
        }
        assertEquals(40, all.size(), "no two writes of the two nodes share a timestamp");
        JsonObject listed = aliceOnA.get(collection + "/records?_sort=last_modified").object();
        assertEquals(40, listed.getJsonArray("data").size());
    }

    private static int terminateBusConnections() throws SQLException {
        return count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = '" + NodeBus.APPLICATION_NAME + "'");
    }

    private static int busConnections() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = '" + NodeBus.APPLICATION_NAME + "'");
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}

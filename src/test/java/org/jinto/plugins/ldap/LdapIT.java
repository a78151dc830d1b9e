package org.jinto.plugins.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFException;
import jakarta.json.JsonObject;
import org.jinto.testing.CapturedLogs;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StartupFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kinto-ldap's policy over HTTP against a real LDAP server (UnboundID's in-memory directory): Basic credentials
 * checked by a bind, {@code ldap:<login>} user ids, directory groups as principals, escaping of the login, the
 * verification cache, and a directory that is down.
 */
class LdapIT {

    private static final int LDAP_PORT = 19400;
    private static final String USERS = "ou=users,dc=example,dc=com";
    private static final String SERVICE = "cn=jinto,dc=example,dc=com";
    private static final Map<String, AtomicInteger> BINDS = new ConcurrentHashMap<>();
    private static final InMemoryDirectoryServer DIRECTORY = directory();
    private static final String URL = JintoServer.url(settings(Map.of(
            "kinto.ldap.base_dn", USERS,
            "kinto.ldap.filters", "(mail={mail})",
            "kinto.ldap.groups.base_dn", "ou=groups,dc=example,dc=com",
            "kinto.ldap.bind_dn", SERVICE,
            "kinto.ldap.bind_password", "service-password")));

    private final Http anonymous = new Http(URL);

    private static InMemoryDirectoryServer directory() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", LDAP_PORT));
            // Searches need a bound account (ldap.bind_dn), as in most directories.
            config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH);
            config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
                @Override
                public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                    BINDS.computeIfAbsent(request.getRequest().getBindDN(), dn -> new AtomicInteger()).incrementAndGet();
                }
            });
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
            server.add("dn: " + USERS, "objectClass: organizationalUnit", "ou: users");
            server.add("dn: ou=groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: groups");
            server.add("dn: " + SERVICE, "objectClass: person", "cn: jinto", "sn: jinto",
                    "userPassword: service-password");
            for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
                server.add("dn: uid=" + user + "," + USERS, "objectClass: inetOrgPerson", "uid: " + user,
                        "cn: " + user, "sn: " + user, "mail: " + user + "@example.com",
                        "userPassword: " + user + "-password");
            }
            // A directory entry whose login would make the user id of a group principal.
            server.add("dn: uid=mallory," + USERS, "objectClass: inetOrgPerson", "uid: mallory", "cn: mallory",
                    "sn: mallory", "mail: group:editors", "userPassword: mallory-password");
            server.add("dn: cn=editors,ou=groups,dc=example,dc=com", "objectClass: groupOfNames", "cn: editors",
                    "member: uid=bob," + USERS, "member: uid=carol," + USERS);
            server.startListening();
            return server;
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> settings(Map<String, String> ldap) {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto_ldap");
        settings.put("multiauth.policies", "ldap");
        // As Kinto's INI files write it.
        settings.put("multiauth.policy.ldap.use", "kinto_ldap.authentication.LDAPBasicAuthAuthenticationPolicy");
        settings.put("kinto.ldap.endpoint", "ldap://127.0.0.1:" + LDAP_PORT);
        settings.put("kinto.ldap.pool_retry_delay", "0.05");
        settings.put("kinto.ldap.pool_timeout", "5");
        settings.putAll(ldap);
        return settings;
    }

    private static int binds(String user) {
        AtomicInteger count = BINDS.get("uid=" + user + "," + USERS);
        return count == null ? 0 : count.get();
    }

    private static int userBinds() {
        return BINDS.entrySet().stream().filter(e -> e.getKey().endsWith("," + USERS))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private Http login(String user) {
        return anonymous.as(user + "@example.com", user + "-password");
    }

    private static String newBucket() {
        return "/buckets/ldap-" + System.nanoTime();
    }

    @Test
    void goodPasswordLogsInAsLdapLogin() {
        JsonObject user = login("alice").get("/").object().getJsonObject("user");
        assertEquals("ldap:alice@example.com", user.getString("id"));
        assertEquals(201, login("alice").send("PUT", newBucket(), null).status());
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        Http wrong = anonymous.as("alice@example.com", "not-her-password");
        assertFalse(wrong.get("/").object().containsKey("user"));
        Http.Response response = wrong.send("PUT", newBucket(), null);
        assertEquals(401, response.status());
        assertEquals("Basic realm=\"Realm\"", response.header("WWW-Authenticate"));
        assertEquals(401, anonymous.as("alice@example.com", "").send("PUT", newBucket(), null).status(),
                "an empty password would be an anonymous bind");
    }

    @Test
    void injectedLoginsAreEscapedAndMatchNobody() {
        int before = userBinds();
        // Unescaped, "alic*" would find alice's entry and log in with her password as "ldap:alic*".
        for (String login : List.of("alic*", "*", "alice@example.com)(mail=*", "*)(|(mail=*", "alice@example.com\u0000",
                "uid=alice," + USERS, "alice@example.com,ou=users")) {
            Http.Response response = anonymous.as(login, "alice-password").send("PUT", newBucket(), null);
            assertEquals(401, response.status(), login);
        }
        // No search matched an entry: no user bind was even tried.
        assertEquals(before, userBinds());
    }

    @Test
    void bindDnTemplateEscapesTheLogin() {
        String url = JintoServer.url(settings(Map.of("kinto.ldap.fqn", "uid={mail}," + USERS)));
        Http http = new Http(url);
        assertEquals("ldap:dave", http.as("dave", "dave-password").get("/").object()
                .getJsonObject("user").getString("id"));
        for (String login : List.of("dave,ou=users", "dave+cn=dave", "*", "dave\u0000")) {
            assertEquals(401, http.as(login, "dave-password").send("PUT", newBucket(), null).status(), login);
        }
    }

    @Test
    void directoryGroupsArePrincipals() {
        String bucket = newBucket();
        assertEquals(201, login("alice").send("PUT", bucket,
                "{\"permissions\": {\"read\": [\"ldap:group:editors\"]}}").status());
        JsonObject user = login("bob").get("/").object().getJsonObject("user");
        assertTrue(user.getJsonArray("principals").toString().contains("\"ldap:group:editors\""), user.toString());
        assertEquals(200, login("bob").get(bucket).status());
        assertEquals(403, login("dave").get(bucket).status(), "dave is not an editor");
        Http mallory = anonymous.as("group:editors", "mallory-password");
        assertEquals(401, mallory.send("PUT", newBucket(), null).status(), "no user id passes for a group");
    }

    @Test
    void verifiedCredentialsAreCached() {
        assertEquals(200, login("carol").get("/").status());
        int binds = binds("carol");
        assertEquals(1, binds);
        JsonObject user = login("carol").get("/").object().getJsonObject("user");
        assertEquals("ldap:carol@example.com", user.getString("id"));
        assertTrue(user.getJsonArray("principals").toString().contains("\"ldap:group:editors\""),
                "the groups are cached with the verification: " + user);
        assertEquals(binds, binds("carol"), "the second request did not bind");
    }

    @Test
    void directoryDownIsServiceUnavailable() throws LDAPException {
        CapturedLogs logs = new CapturedLogs();
        DIRECTORY.shutDown(true);
        try {
            Http.Response response = login("erin").get("/");
            assertEquals(503, response.status(), response.body());
            assertEquals(201, response.object().getInt("errno"));
            assertNotNull(response.header("Retry-After"));
            Http.Response heartbeat = anonymous.get("/__heartbeat__");
            assertEquals(503, heartbeat.status());
            assertFalse(heartbeat.object().getBoolean("ldap"));
        } finally {
            DIRECTORY.startListening();
            logs.close();
        }
        assertTrue(logs.anyContains("LDAP directory unavailable"), logs.messages().toString());
        assertFalse(logs.anyContains("erin-password"), "no password is logged");
        assertEquals("ldap:erin@example.com", login("erin").get("/").object().getJsonObject("user").getString("id"));
        assertTrue(anonymous.get("/__heartbeat__").object().getBoolean("ldap"));
    }

    @Test
    void combinesWithOtherPoliciesInOrder() {
        Map<String, String> settings = settings(Map.of("kinto.ldap.base_dn", USERS,
                "kinto.ldap.bind_dn", SERVICE, "kinto.ldap.bind_password", "service-password"));
        settings.put("multiauth.policies", "ldap basicauth");
        Http http = new Http(JintoServer.url(settings));
        assertEquals("ldap:alice@example.com", http.as("alice@example.com", "alice-password").get("/").object()
                .getJsonObject("user").getString("id"));
        // Refused by the directory, the credentials go to the next policy, as with Kinto's multiauth.
        assertTrue(http.as("alice@example.com", "other").get("/").object().getJsonObject("user").getString("id")
                .startsWith("basicauth:"));
    }

    @Test
    void startupRefusesWhatKintoLdapRefuses() {
        Map<String, String> notIncluded = settings(Map.of());
        notIncluded.remove("kinto.includes");
        assertTrue(StartupFailure.errorsOf(notIncluded).contains(
                "multiauth.policies names 'ldap' but kinto.includes does not list kinto_ldap"));
        assertTrue(StartupFailure.errorsOf(settings(Map.of("kinto.ldap.filters", "(mail=alice)"))).contains(
                "ldap.filters should take a 'mail' argument, got: '(mail=alice)'"));
    }

    @Test
    void capabilityOnlyWhenIncluded() {
        JsonObject ldap = anonymous.get("/").object().getJsonObject("capabilities").getJsonObject("ldap");
        assertEquals("Basic Auth user are validated against an LDAP server.", ldap.getString("description"));
        assertEquals("https://github.com/mozilla-services/kinto-ldap", ldap.getString("url"));
        assertTrue(ldap.containsKey("version"));

        Http plain = new Http(JintoServer.url());
        assertFalse(plain.get("/").object().getJsonObject("capabilities").containsKey("ldap"));
        assertFalse(plain.get("/__heartbeat__").object().containsKey("ldap"));
    }
}

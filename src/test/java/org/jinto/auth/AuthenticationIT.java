package org.jinto.auth;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.jinto.testing.StartupFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who the caller is, as {@code GET /v1/} tells, and the settings that make the policies, over real HTTP. */
class AuthenticationIT {

    private static final String CAROL = "basicauth:e610c9d1e2eca9b4b4933ae224817bb933de44b93964777891ee33bca925fae0";

    // The standard server has the settings of the conformance recording (the real Kinto answered the ids asserted here).

    @Test
    void helloShowsTheUserThePrincipalsAndTheDefaultBucket() {
        JsonObject user = new Http(JintoServer.url(JintoServer.standard())).as("carol", "secret-carol").get("/").object()
                .getJsonObject("user");
        assertEquals(CAROL, user.getString("id"));
        assertEquals(List.of(CAROL, "system.Everyone", "system.Authenticated"),
                user.getJsonArray("principals").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("8542b3b6-9796-c75c-84fb-7085f3b0630f", user.getString("bucket"));
    }

    @Test
    void unknownAccountFallsThroughToBasicauth() {
        // alice has no account here: the account policy gives no user, basicauth takes the credentials.
        JsonObject user = new Http(JintoServer.url(JintoServer.standard())).as("alice", "wrong").get("/").object()
                .getJsonObject("user");
        assertEquals("basicauth:91da53850d84463e351fe08b35d787dba8deccf02137e3f8131f7fdf9d413348", user.getString("id"));
        assertEquals("c2baa204-886a-d901-9586-5ceaf4b47538", user.getString("bucket"));
    }

    @Test
    void anonymousAndUnrecognisedCallersHaveNoUserSection() {
        Http http = new Http(JintoServer.url(JintoServer.standard()));
        assertFalse(http.get("/").object().containsKey("user"));
        assertFalse(http.with("Authorization", "Bearer token").get("/").object().containsKey("user"));
        assertFalse(http.as("", "no-user").get("/").object().containsKey("user"));
    }

    @Test
    void noBucketWithoutTheDefaultBucketPlugin() {
        Map<String, String> settings = JintoServer.standard();
        settings.put("kinto.includes", "kinto.plugins.accounts");
        JsonObject user = new Http(JintoServer.url(settings)).as("carol", "secret-carol").get("/").object().getJsonObject("user");
        assertEquals(CAROL, user.getString("id"));
        assertFalse(user.containsKey("bucket"));
    }

    @Test
    void capabilitiesFollowTheSettings() {
        JsonObject capabilities = new Http(JintoServer.url(JintoServer.standard())).get("/").object().getJsonObject("capabilities");
        assertEquals("Very basic authentication sessions. Not for production use.",
                capabilities.getJsonObject("basicauth").getString("description"));
        assertEquals("http://kinto.readthedocs.io/en/stable/api/1.x/authentication.html",
                capabilities.getJsonObject("basicauth").getString("url"));
        JsonObject accounts = capabilities.getJsonObject("accounts");
        assertEquals("Manage user accounts.", accounts.getString("description"));
        assertEquals("https://kinto.readthedocs.io/en/latest/api/1.x/accounts.html", accounts.getString("url"));
        assertFalse(accounts.getBoolean("validation_enabled"));
        assertEquals("https://kinto.readthedocs.io/en/latest/api/1.x/buckets.html#personal-bucket-default",
                capabilities.getJsonObject("default_bucket").getString("url"));
        assertEquals("The permissions endpoint can be used to list all user objects permissions.",
                capabilities.getJsonObject("permissions_endpoint").getString("description"));

        JsonObject none = new Http(JintoServer.url()).get("/").object().getJsonObject("capabilities");
        for (String id : List.of("basicauth", "accounts", "default_bucket", "permissions_endpoint")) {
            assertFalse(none.containsKey(id), id);
        }
    }

    @Test
    void unknownPolicyStopsStartupNamingTheValidOnes() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("multiauth.policies", "basicauth kerberos");
        List<String> errors = StartupFailure.errorsOf(settings);
        assertTrue(errors.stream().anyMatch(m -> m.contains("unknown policy 'kerberos'")
                && m.contains("valid values: account, basicauth, ldap")), errors.toString());
    }

    @Test
    void accountsPluginNeedsTheAccountPolicyFirst() {
        Map<String, String> missing = JintoServer.standard();
        missing.put("multiauth.policies", "basicauth");
        assertTrue(StartupFailure.errorsOf(missing).stream().anyMatch(m -> m.equals("Account policy missing the "
                + "'multiauth.policy.*.use' setting. See AccountsPolicy in docs "
                + "https://kinto.readthedocs.io/en/stable/api/1.x/accounts.html.")));

        Map<String, String> misordered = JintoServer.standard();
        misordered.put("multiauth.policies", "basicauth account");
        assertTrue(StartupFailure.errorsOf(misordered).stream()
                .anyMatch(m -> m.equals("'basicauth' should not be mentioned before 'account' in 'multiauth.policies' setting.")));
    }

    @Test
    void accountCreatorsMustBeAccountAdministrators() {
        Map<String, String> settings = JintoServer.standard();
        settings.put("kinto.account_create_principals", "system.Everyone account:admin system.Authenticated");
        settings.put("kinto.account_write_principals", "account:admin");
        List<String> errors = StartupFailure.errorsOf(settings);
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("Configuration has some principals in "
                + "account_create_principals but not in account_write_principals. These principals will only be able "
                + "to create their own accounts.") && m.endsWith("\nAffected users: ['system.Authenticated']")),
                errors.toString());
    }
}

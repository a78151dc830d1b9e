package org.jinto.resource;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accounts plugin: anyone may sign up, users see and manage their own account, administrators all. */
class AccountsIT extends ApiTestSupport {

    private static final String BCRYPT = "\\$2b\\$12\\$[./A-Za-z0-9]{53}";

    private Http.Response signUp(String id, String password) {
        return anonymous.send("PUT", "/accounts/" + id, "{\"data\": {\"password\": \"" + password + "\"}}");
    }

    @Test
    void anyoneSignsUpAndThenAuthenticates() {
        String id = unique("user");
        Http.Response created = signUp(id, "pw-1");
        assertEquals(201, created.status(), created.body());
        JsonObject data = created.object().getJsonObject("data");
        assertTrue(data.getString("password").matches(BCRYPT), "the password is stored hashed");
        assertEquals(List.of("account:" + id), strings(created.object().getJsonObject("permissions").getJsonArray("write")));

        Http user = anonymous.as(id, "pw-1");
        Http.Response own = user.get("/accounts/" + id);
        assertEquals(200, own.status());
        assertEquals(List.of(id), ids(user.get("/accounts")));
        assertEquals(List.of("account:" + id), strings(user.send("PUT", "/buckets/" + unique("b"), "{}")
                .object().getJsonObject("permissions").getJsonArray("write")));

        assertError(signUp(id, "taken"), 401, 104);
        assertEquals(200, user.get("/accounts/" + id).status(), "a failed sign-up changes nothing");
    }

    @Test
    void signingUpWithPostNeedsAnId() {
        String id = unique("poster");
        assertEquals(201, anonymous.send("POST", "/accounts", "{\"data\": {\"id\": \"" + id + "\", \"password\": \"p\"}}").status());
        assertInvalid(anonymous.send("POST", "/accounts", "{\"data\": {\"password\": \"p\"}}"), "body", "data.id");
        assertInvalid(signUp("bad%20id", "p"), "path", null);
        assertInvalid(anonymous.send("PUT", "/accounts/" + unique("nopw"), "{\"data\": {}}"), "body", "data.password");
    }

    @Test
    void usersOnlyReachTheirOwnAccount() {
        String mine = unique("me");
        String other = unique("other");
        signUp(mine, "pw");
        signUp(other, "pw");
        Http me = anonymous.as(mine, "pw");
        assertError(me.get("/accounts/" + other), 403, 121);
        assertEquals(List.of(mine), ids(me.get("/accounts")));
        assertInvalid(me.send("PUT", "/accounts/" + unique("zed"), "{\"data\": {\"password\": \"x\"}}"), "body", "data.id");
        Http.Response anonymousList = anonymous.get("/accounts");
        assertError(anonymousList, 401, 999);
        assertEquals("Cannot read accounts.", anonymousList.object().getString("error"));
    }

    @Test
    void passwordChangesTakeEffectAndDeletedAccountsStopAuthenticating() {
        String id = unique("changer");
        signUp(id, "old");
        Http old = anonymous.as(id, "old");
        Http.Response changed = old.with("Response-Behavior", "diff")
                .send("PATCH", "/accounts/" + id, "{\"data\": {\"password\": \"new\"}}");
        assertEquals(200, changed.status());
        assertTrue(changed.object().getJsonObject("data").getString("password").matches(BCRYPT),
                "the stored value differs from the one sent");
        assertError(old.get("/accounts/" + id), 403, 121);
        Http renewed = anonymous.as(id, "new");
        assertEquals(200, renewed.get("/accounts/" + id).status());
        assertEquals(200, renewed.send("DELETE", "/accounts/" + id, null).status());
        assertError(renewed.get("/accounts/" + id), 403, 121);
        assertEquals(201, signUp(id, "again").status(), "the id is free again");
    }

    @Test
    void administratorsManageEveryAccount() {
        Map<String, String> settings = settings();
        settings.put("kinto.account_write_principals", "account:admin");
        settings.put("kinto.account_read_principals", "account:admin");
        Http server = new Http(JintoServer.url(settings));
        assertEquals(201, server.send("PUT", "/accounts/admin", "{\"data\": {\"password\": \"root\"}}").status());
        assertEquals(201, server.send("PUT", "/accounts/someone", "{\"data\": {\"password\": \"pw\"}}").status());
        Http admin = server.as("admin", "root");
        assertTrue(ids(admin.get("/accounts")).containsAll(List.of("admin", "someone")));
        Http.Response created = admin.send("PUT", "/accounts/made", "{\"data\": {\"password\": \"pw\"}}");
        assertEquals(201, created.status());
        assertEquals(List.of("account:made"), strings(created.object().getJsonObject("permissions").getJsonArray("write")),
                "the account owns itself");
        assertEquals(200, admin.send("PATCH", "/accounts/someone", "{\"data\": {\"note\": 1}}").status());
        assertEquals(200, server.as("made", "pw").get("/accounts/made").status());
    }

    @Test
    void accountsNeedThePlugin() {
        Http plain = new Http(JintoServer.url());
        assertError(plain.get("/accounts"), 404, 111);
        assertNull(plain.get("/accounts").header("Allow"));
        assertNotEquals(404, anonymous.get("/accounts").status());
    }
}

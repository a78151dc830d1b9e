package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jinto.api.BackendName;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.auth.BasicCredentials;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.util.Optional;

/**
 * Kinto's {@code account} policy (accounts plugin): Basic credentials checked against the stored account
 * (resource {@code account}, parent and id = the account id, bcrypt hash in {@code password}); the user id is
 * {@code account:<id>}. Unknown accounts and wrong passwords give no user, so the next policy is tried.
 */
@ApplicationScoped
@BackendName(AccountPolicy.NAME)
public class AccountPolicy implements AuthenticationPolicy {

    public static final String NAME = "account";
    public static final String RESOURCE_NAME = "account";

    @Inject
    Storage storage;
    @Inject
    AccountCredentialsCache verified;

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return BasicCredentials.parse(authorizationHeader)
                .filter(this::valid)
                .map(c -> NAME + ":" + c.user());
    }

    @Override
    public String challenge() {
        return "Basic realm=\"Realm\"";
    }

    private boolean valid(BasicCredentials credentials) {
        String id = credentials.user();
        if (verified.recentlyVerified(id, credentials.password())) {
            return true;
        }
        JsonObject account;
        try {
            account = storage.get(RESOURCE_NAME, id, id);
        } catch (ObjectNotFoundException e) {
            return false;
        }
        if (!(account.get("password") instanceof JsonString hash)
                || !Passwords.verify(credentials.password(), hash.getString())) {
            return false;
        }
        verified.remember(id, credentials.password());
        return true;
    }
}

package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.jinto.api.BackendName;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Storage;

import java.util.Optional;

/**
 * Kinto's {@code account} policy: Basic credentials checked with bcrypt against the stored account (resource
 * {@code account}, parent id and id the account id); the user id is {@code account:<id>}.
 */
@ApplicationScoped
@BackendName("account")
public class AccountPolicy implements AuthenticationPolicy {

    @Inject
    Storage storage;

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return BasicCredentials.parse(authorizationHeader).filter(this::valid).map(c -> "account:" + c.user());
    }

    @Override
    public String challenge() {
        return "Basic realm=\"Realm\"";
    }

    private boolean valid(BasicCredentials credentials) {
        try {
            return storage.get("account", credentials.user(), credentials.user()).get("password") instanceof JsonString hash
                    && Passwords.verify(credentials.password(), hash.getString());
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }
}

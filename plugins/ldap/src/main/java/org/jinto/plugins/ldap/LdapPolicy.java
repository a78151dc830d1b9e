package org.jinto.plugins.ldap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.auth.Authenticated;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.auth.BasicCredentials;

import java.util.Optional;

/**
 * kinto-ldap's {@code LDAPBasicAuthAuthenticationPolicy}, named {@code ldap} in {@code multiauth.policies}: Basic
 * credentials verified by a bind on the directory; the user id is {@code ldap:<login>}, and the user's directory
 * groups are principals too.
 */
@ApplicationScoped
@BackendName(LdapPolicy.NAME)
public class LdapPolicy implements AuthenticationPolicy {

    public static final String NAME = "ldap";

    @Inject
    LdapPlugin plugin;

    @Override
    public Optional<String> authenticate(String authorizationHeader) {
        return identify(authorizationHeader).map(Authenticated::userId);
    }

    @Override
    public Optional<Authenticated> identify(String authorizationHeader) {
        // An empty password would be an anonymous bind, which LDAP servers accept: refused before asking.
        return BasicCredentials.parse(authorizationHeader)
                .filter(c -> !c.user().isEmpty() && !c.password().isEmpty())
                .flatMap(c -> {
                    DirectoryAnswer answer = plugin.answer(c.user(), c.password());
                    return answer.verified()
                            ? Optional.of(new Authenticated(NAME + ":" + c.user(), answer.groups()))
                            : Optional.empty();
                });
    }

    @Override
    public String challenge() {
        return "Basic realm=\"Realm\"";
    }
}

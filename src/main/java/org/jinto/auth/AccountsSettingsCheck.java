package org.jinto.auth;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.api.Settings;
import org.jinto.resource.errors.Python;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The startup checks of Kinto's accounts plugin, with its messages: including {@code kinto.plugins.accounts}
 * requires the {@code account} policy in {@code multiauth.policies} (Jinto names policies there, where Kinto reads
 * {@code multiauth.policy.*.use}), {@code basicauth} must not come before it (basicauth accepts any password, so
 * the account policy would never see an account's credentials), and whoever may create accounts must also be an
 * account administrator ({@code account_write_principals}), or could only create their own.
 */
@ApplicationScoped
public class AccountsSettingsCheck {

    public static final String ACCOUNTS_PLUGIN = "kinto.plugins.accounts";
    private static final String DOCS_URL = "https://kinto.readthedocs.io/en/stable/api/1.x/accounts.html";

    @Inject
    Settings settings;

    void check(@Observes @Initialized(ApplicationScoped.class) Object event) {
        List<String> policies = settings.getList(RequestAuthenticator.POLICIES_KEY);
        int account = policies.indexOf(AccountPolicy.NAME);
        boolean included = settings.getList("kinto.includes").contains(ACCOUNTS_PLUGIN);
        if (included && account < 0) {
            throw new IllegalStateException("Account policy missing the 'multiauth.policy.*.use' setting. "
                    + "See AccountsPolicy in docs " + DOCS_URL + ".");
        }
        int basicauth = policies.indexOf(BasicAuthPolicy.NAME);
        if (account >= 0 && basicauth >= 0 && basicauth < account) {
            throw new IllegalStateException("'basicauth' should not be mentioned before '" + AccountPolicy.NAME + "' in "
                    + "'" + RequestAuthenticator.POLICIES_KEY + "' setting.");
        }
        if (included) {
            checkCreatorsAreAdministrators();
        }
    }

    private void checkCreatorsAreAdministrators() {
        Set<String> cannotCreateOthers = new TreeSet<>(settings.getList("kinto.account_create_principals"));
        cannotCreateOthers.removeAll(settings.getList("kinto.account_write_principals"));
        cannotCreateOthers.remove(Identity.EVERYONE);
        if (!cannotCreateOthers.isEmpty()) {
            throw new IllegalStateException("Configuration has some principals in account_create_principals "
                    + "but not in account_write_principals. These principals will only be "
                    + "able to create their own accounts. This may not be what you want.\n"
                    + "If you want these users to be able to create accounts for other users, "
                    + "add them to account_write_principals.\n"
                    + "Affected users: " + Python.repr(JSON.createArrayBuilder(cannotCreateOthers).build()));
        }
    }
}

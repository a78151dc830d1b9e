package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.api.Settings;

import java.util.List;

/**
 * The startup checks of Kinto's accounts plugin: including {@code kinto.plugins.accounts} requires the
 * {@code account} policy in {@code multiauth.policies}, and {@code basicauth} must not come before it (basicauth
 * accepts any password, so the account policy would never see an account's credentials).
 */
@ApplicationScoped
public class AccountsSettingsCheck {

    public static final String ACCOUNTS_PLUGIN = "kinto.plugins.accounts";

    @Inject
    Settings settings;

    void check(@Observes @Initialized(ApplicationScoped.class) Object event) {
        List<String> policies = settings.getList(RequestAuthenticator.POLICIES_KEY);
        int account = policies.indexOf(AccountPolicy.NAME);
        if (settings.getList("kinto.includes").contains(ACCOUNTS_PLUGIN) && account < 0) {
            throw new IllegalStateException("kinto.includes has " + ACCOUNTS_PLUGIN + " but " + RequestAuthenticator.POLICIES_KEY
                    + " does not name the '" + AccountPolicy.NAME + "' policy");
        }
        int basicauth = policies.indexOf(BasicAuthPolicy.NAME);
        if (account >= 0 && basicauth >= 0 && basicauth < account) {
            throw new IllegalStateException("'basicauth' should not be mentioned before '" + AccountPolicy.NAME + "' in "
                    + RequestAuthenticator.POLICIES_KEY);
        }
    }
}

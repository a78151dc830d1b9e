package org.jinto.auth;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;

/** The {@code GET /v1/} capabilities of the authentication features, present when the settings enable them. */
@ApplicationScoped
public class AuthCapabilities {

    @Inject
    Settings settings;

    /** Kinto adds it whenever the basicauth policy is configured. */
    @Produces
    @Dependent
    Capability basicauth() {
        return settings.getList(RequestAuthenticator.POLICIES_KEY).contains(BasicAuthPolicy.NAME)
                ? new Capability("basicauth", "Very basic authentication sessions. Not for production use.",
                "http://kinto.readthedocs.io/en/stable/api/1.x/authentication.html", null)
                : null;
    }

    /** Account validation (e-mail activation) is not supported, hence {@code validation_enabled: false}. */
    @Produces
    @Dependent
    Capability accounts() {
        return settings.getList("kinto.includes").contains(AccountsSettingsCheck.ACCOUNTS_PLUGIN)
                ? new Capability("accounts", "Manage user accounts.",
                "https://kinto.readthedocs.io/en/latest/api/1.x/accounts.html",
                JSON.createObjectBuilder().add("validation_enabled", false).build())
                : null;
    }
}

package org.jinto.resource.types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.settings.IncludedPlugins;

/**
 * The {@code permissions_endpoint} capability, shown when {@code kinto.experimental_permissions_endpoint} is on or,
 * as in Kinto, when the admin UI ({@code kinto.plugins.admin}, which lists the user's objects with it) is included.
 */
@ApplicationScoped
public class PermissionsEndpointCapability {

    static final String ENABLED_KEY = "kinto.experimental_permissions_endpoint";

    @Inject
    Settings settings;

    public boolean enabled() {
        return settings.getBoolean(ENABLED_KEY, false) || IncludedPlugins.contains(settings, IncludedPlugins.ADMIN);
    }

    @Produces
    @Dependent
    Capability capability() {
        return enabled() ? new Capability("permissions_endpoint",
                "The permissions endpoint can be used to list all user objects permissions.",
                "https://kinto.readthedocs.io/en/latest/configuration/settings.html#activating-the-permissions-endpoint",
                null) : null;
    }
}

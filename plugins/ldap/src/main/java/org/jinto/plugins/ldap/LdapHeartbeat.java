package org.jinto.plugins.ldap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.HeartbeatCheck;

/** kinto-ldap's {@code ldap} heartbeat: the user search runs for a dummy login. */
@ApplicationScoped
public class LdapHeartbeat implements HeartbeatCheck {

    @Inject
    LdapPlugin plugin;

    @Override
    public String name() {
        return "ldap";
    }

    @Override
    public boolean check() {
        return plugin.directory().ping();
    }

    @Override
    public boolean enabled() {
        return plugin.enabled();
    }
}

package org.jinto.plugins.openid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.auth.AuthenticationPolicyFactory;

/** Makes {@code multiauth.policy.<name>.use = kinto.plugins.openid.OpenIDConnectPolicy} an OpenID policy. */
@ApplicationScoped
@BackendName(OpenIdPlugin.POLICY_CLASS)
public class OpenIdPolicyFactory implements AuthenticationPolicyFactory {

    @Inject
    OpenIdPlugin plugin;

    @Override
    public AuthenticationPolicy create(String name, Settings settings) {
        if (!plugin.enabled()) {
            throw new IllegalStateException("multiauth.policy." + name + ".use names " + OpenIdPlugin.POLICY_CLASS
                    + " but kinto.includes does not list " + plugin.includeName());
        }
        return new OpenIdPolicy(plugin.provider(name).orElseThrow());
    }
}

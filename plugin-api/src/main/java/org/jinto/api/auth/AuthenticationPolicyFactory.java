package org.jinto.api.auth;

import org.jinto.api.Settings;

/**
 * A kind of authentication policy whose instances the operator names, as Kinto's
 * {@code multiauth.policies = google} with {@code multiauth.policy.google.use = kinto.plugins.openid.OpenIDConnectPolicy}.
 * A CDI bean qualified by {@link org.jinto.api.BackendName} with that {@code .use} value; the server asks it for the
 * policy of each name whose {@code .use} names it.
 */
public interface AuthenticationPolicyFactory {

    /**
     * @param name the policy's name in {@code multiauth.policies}: its user ids' prefix, its settings'
     *             {@code multiauth.policy.<name>.*}
     * @throws IllegalStateException naming the key of a bad setting: it stops startup
     */
    AuthenticationPolicy create(String name, Settings settings);
}

package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authenticated;
import org.jinto.api.auth.AuthenticationPolicy;
import org.jinto.api.auth.AuthenticationPolicyFactory;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.permission.PermissionBackend;
import org.jinto.backend.BackendSelector;
import org.jinto.ops.RequestLogContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kinto's multiauth: the policies of {@code multiauth.policies} are tried in order; the first that recognises the
 * {@code Authorization} header gives the user id. The identity's principals add the user's groups, read from the
 * permission backend, and the principals the policy grants (an LDAP directory's groups).
 */
@ApplicationScoped
public class RequestAuthenticator {

    static final String POLICIES_KEY = "multiauth.policies";

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<AuthenticationPolicy> allPolicies;
    @Inject
    @Any
    Instance<AuthenticationPolicyFactory> factories;
    @Inject
    PermissionBackend permission;
    @Inject
    BeanManager beanManager;
    @Inject
    RequestLogContext logContext;

    /** Resolved once; read without a lock on every request (a synchronized getter had request threads queue). */
    private volatile Map<String, AuthenticationPolicy> policies;

    /** Resolves the configured policies at startup: an unknown name stops the application. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        policies();
    }

    public Identity identify(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Identity.ANONYMOUS;
        }
        for (Map.Entry<String, AuthenticationPolicy> policy : policies().entrySet()) {
            Optional<Authenticated> user = policy.getValue().identify(authorizationHeader);
            if (user.isPresent()) {
                String userId = user.get().userId();
                logContext.setUserId(unprefixed(userId, policy.getKey()));
                return Identity.withGroups(userId, user.get().principals(), () -> permission.getUserPrincipals(userId));
            }
        }
        return Identity.ANONYMOUS;
    }

    /** Kinto logs the user id its policy selected, without the policy prefix ({@code alice} for {@code account:alice}). */
    private static String unprefixed(String userId, String policyName) {
        String prefix = policyName + ":";
        return userId.startsWith(prefix) ? userId.substring(prefix.length()) : userId;
    }

    /** The {@code WWW-Authenticate} challenges of the configured policies, for a 401. */
    public List<String> challenges() {
        List<String> challenges = new ArrayList<>();
        policies().values().forEach(p -> challenges.add(p.challenge()));
        return challenges;
    }

    /** Kinto's answer to an anonymous request that needs a user: 401 errno 104, every policy's challenge. */
    public KintoException unauthorized() {
        List<String> challenges = challenges();
        return new KintoException(401, Errno.MISSING_AUTH_TOKEN, "Unauthorized",
                "Please authenticate yourself to use this endpoint.", null,
                challenges.isEmpty() ? Map.of() : Map.of("WWW-Authenticate", String.join(", ", challenges)));
    }

    /**
     * The policies of {@code multiauth.policies} by name, in the order they are tried: a name whose
     * {@code multiauth.policy.<name>.use} names a policy factory ({@code google} using
     * {@code kinto.plugins.openid.OpenIDConnectPolicy}) is an instance of that kind; any other name is the policy
     * bean of that name ({@code account}).
     */
    public Map<String, AuthenticationPolicy> policies() {
        Map<String, AuthenticationPolicy> resolved = policies;
        if (resolved == null) {
            resolved = resolvePolicies();
        }
        return resolved;
    }

    private synchronized Map<String, AuthenticationPolicy> resolvePolicies() {
        if (policies == null) {
            Map<String, AuthenticationPolicy> selected = new LinkedHashMap<>();
            for (String name : settings.getList(POLICIES_KEY)) {
                selected.put(name, policy(name));
            }
            policies = Collections.unmodifiableMap(selected);
        }
        return policies;
    }

    private AuthenticationPolicy policy(String name) {
        String use = settings.get("multiauth.policy." + name + ".use", "").strip();
        Instance<AuthenticationPolicyFactory> factory = factories.select(BackendName.Literal.of(use));
        if (!use.isEmpty() && factory.isResolvable()) {
            return factory.get().create(name, settings);
        }
        Instance<AuthenticationPolicy> policy = allPolicies.select(BackendName.Literal.of(name));
        if (!policy.isResolvable()) {
            throw new IllegalStateException("Setting " + POLICIES_KEY + " names an unknown policy '" + name
                    + "'; valid values: "
                    + String.join(", ", BackendSelector.availableNames(beanManager, AuthenticationPolicy.class))
                    + ", or any name whose multiauth.policy.<name>.use is one of: "
                    + String.join(", ", BackendSelector.availableNames(beanManager, AuthenticationPolicyFactory.class)));
        }
        return policy.get();
    }
}

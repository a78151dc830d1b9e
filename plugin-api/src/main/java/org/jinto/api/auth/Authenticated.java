package org.jinto.api.auth;

import java.util.Set;

/**
 * Who a policy recognised: the prefixed user id ({@code ldap:alice}) and the extra principals the policy itself
 * knows (e.g. the user's directory groups), which join the user's principals for every permission check.
 */
public record Authenticated(String userId, Set<String> principals) {

    public Authenticated {
        principals = Set.copyOf(principals);
    }

    public static Authenticated of(String userId) {
        return new Authenticated(userId, Set.of());
    }
}

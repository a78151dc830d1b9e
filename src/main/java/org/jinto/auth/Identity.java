package org.jinto.auth;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who makes a request: the user id (null when anonymous) and every principal it holds
 * ({@code system.Everyone}, {@code system.Authenticated}, the user id, the groups it belongs to).
 */
public record Identity(String userId, Set<String> principals) {

    public static final String EVERYONE = "system.Everyone";
    public static final String AUTHENTICATED = "system.Authenticated";
    public static final Identity ANONYMOUS = new Identity(null, Set.of(EVERYONE));

    public boolean authenticated() {
        return userId != null;
    }

    /** An authenticated identity: the user id, Everyone, Authenticated, then the extra principals. */
    public static Identity of(String userId, Set<String> extraPrincipals) {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(userId);
        principals.add(EVERYONE);
        principals.add(AUTHENTICATED);
        principals.addAll(extraPrincipals);
        return new Identity(userId, Set.copyOf(principals));
    }
}

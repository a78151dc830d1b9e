package org.jinto.auth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * An authenticated identity. The principals keep the order Kinto shows in {@code GET /v1/}: the user id, the
     * extra principals (groups, sorted), then Everyone and Authenticated.
     */
    public static Identity of(String userId, Set<String> extraPrincipals) {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(userId);
        principals.addAll(new TreeSet<>(extraPrincipals));
        principals.add(EVERYONE);
        principals.add(AUTHENTICATED);
        return new Identity(userId, Collections.unmodifiableSet(principals));
    }
}

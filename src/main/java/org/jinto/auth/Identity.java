package org.jinto.auth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Who makes a request: the user id (null when anonymous) and every principal it holds
 * ({@code system.Everyone}, {@code system.Authenticated}, the user id, the groups it belongs to).
 * <p>
 * The groups of an authenticated user are read on first use of {@link #principals()}, unless a read that fetched
 * them along with other data ({@link #provideGroups}) came first: a request then reads them at most once, and a
 * read request inside the same statement as the object it reads.
 */
public final class Identity {

    public static final String EVERYONE = "system.Everyone";
    public static final String AUTHENTICATED = "system.Authenticated";
    public static final Identity ANONYMOUS = new Identity(null, Set.of(), () -> Set.of());

    private final String userId;
    private final Set<String> policyPrincipals;
    private Supplier<Set<String>> groups;
    private Set<String> principals;

    private Identity(String userId, Set<String> policyPrincipals, Supplier<Set<String>> groups) {
        this.userId = userId;
        this.policyPrincipals = Set.copyOf(policyPrincipals);
        this.groups = groups;
    }

    /**
     * An authenticated identity holding the principals its policy granted and its groups, read from
     * {@code groups} when first needed.
     */
    public static Identity withGroups(String userId, Set<String> policyPrincipals, Supplier<Set<String>> groups) {
        return new Identity(userId, policyPrincipals, groups);
    }

    public String userId() {
        return userId;
    }

    public boolean authenticated() {
        return userId != null;
    }

    /** Whether the groups are still to be read: a read may then fetch them along ({@link #provideGroups}). */
    public synchronized boolean groupsUnknown() {
        return principals == null && authenticated();
    }

    /** The user's groups as read along with other data; ignored once the principals are known. */
    public synchronized void provideGroups(Set<String> userGroups) {
        if (principals == null) {
            groups = () -> userGroups;
        }
    }

    /**
     * Every principal. The order is the one Kinto shows in {@code GET /v1/}: the user id, the extra principals
     * (groups, sorted), then Everyone and Authenticated.
     */
    public synchronized Set<String> principals() {
        if (principals == null) {
            Set<String> all = new LinkedHashSet<>();
            if (userId != null) {
                all.add(userId);
                Set<String> extra = new TreeSet<>(policyPrincipals);
                extra.addAll(groups.get());
                all.addAll(extra);
            }
            all.add(EVERYONE);
            if (userId != null) {
                all.add(AUTHENTICATED);
            }
            principals = Collections.unmodifiableSet(all);
            groups = null;
        }
        return principals;
    }

    @Override
    public String toString() {
        return "Identity[" + userId + "]";
    }
}

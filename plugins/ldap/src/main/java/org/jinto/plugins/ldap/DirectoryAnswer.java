package org.jinto.plugins.ldap;

import java.util.Set;

/** The directory's answer for a login and password: verified, with the user's group principals, or refused. */
record DirectoryAnswer(boolean verified, Set<String> groups) {

    static final DirectoryAnswer REFUSED = new DirectoryAnswer(false, Set.of());

    DirectoryAnswer {
        groups = Set.copyOf(groups);
    }
}

package org.jinto.plugins.ldap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;

import static org.jinto.api.Jsonp.JSON;

/**
 * {@code kinto_ldap}: its settings read and checked at startup, the directory's connection pool, the cache of
 * verified credentials, and kinto-ldap's {@code ldap} capability.
 */
@ApplicationScoped
public class LdapPlugin implements Plugin {

    /** The kinto-ldap release whose behaviour this plugin follows, shown in the capability as kinto-ldap does. */
    private static final String KINTO_LDAP_VERSION = "0.3.1";

    @Inject
    Settings settings;
    @Inject
    Cache cache;

    private LdapConfig config;
    private LdapDirectory directory;
    private VerifiedCredentials verified;

    @Override
    public String includeName() {
        return "kinto_ldap";
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        boolean policyNamed = settings.getList("multiauth.policies").contains(LdapPolicy.NAME);
        if (!enabled()) {
            if (policyNamed) {
                throw new IllegalStateException("multiauth.policies names '" + LdapPolicy.NAME
                        + "' but kinto.includes does not list " + includeName());
            }
            return;
        }
        config = LdapConfig.of(settings);
        directory = new LdapDirectory(config);
        verified = new VerifiedCredentials(cache, config.cacheTtlSeconds());
    }

    /** The directory's answer for these credentials, from the cache when it has it. */
    DirectoryAnswer answer(String login, String password) {
        String groupPrefix = config.groupPrincipalPrefix();
        if (!groupPrefix.isEmpty() && (LdapPolicy.NAME + ":" + login).startsWith(groupPrefix)) {
            return DirectoryAnswer.REFUSED;
        }
        return verified.get(login, password).orElseGet(() -> {
            DirectoryAnswer answer = directory.authenticate(login, password);
            verified.put(login, password, answer);
            return answer;
        });
    }

    boolean enabled() {
        return isEnabled(settings);
    }

    LdapDirectory directory() {
        return directory;
    }

    @Produces
    @Dependent
    Capability capability() {
        return enabled() ? new Capability("ldap",
                "Basic Auth user are validated against an LDAP server.",
                "https://github.com/mozilla-services/kinto-ldap",
                JSON.createObjectBuilder().add("version", KINTO_LDAP_VERSION).build()) : null;
    }

    @PreDestroy
    void stop() {
        if (directory != null) {
            directory.close();
        }
    }
}

package org.jinto.plugins.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import org.jinto.api.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * kinto-ldap's settings ({@code ldap.*}, also read with the {@code kinto.} prefix) with its defaults, plus
 * kinto-ldap 0.2's {@code ldap.fqn} bind DN template and Jinto's {@code ldap.groups.*} group mapping.
 * Startup fails on a value kinto-ldap would refuse.
 *
 * @param endpoint        {@code ldap.endpoint}: {@code ldap://host[:port]} or {@code ldaps://host[:port]}
 * @param baseDn          {@code ldap.base_dn}: where the user is searched
 * @param filters         {@code ldap.filters}: the user search filter, {@code {mail}} standing for the login
 * @param fqn             {@code ldap.fqn}: a bind DN template ({@code uid={mail},ou=users,dc=example,dc=com});
 *                        when set the user is bound directly, without a search
 * @param bindDn          {@code ldap.bind_dn}: the account the searches run as (anonymous when unset)
 * @param bindPassword    {@code ldap.bind_password}
 * @param cacheTtlSeconds {@code ldap.cache_ttl_seconds}: how long a verification is remembered (0: not at all)
 * @param poolSize        {@code ldap.pool_size}: the most connections open at once
 * @param retryMax        {@code ldap.pool_retry_max}: attempts to reach the directory before answering 503
 * @param retryDelayMillis {@code ldap.pool_retry_delay} (seconds, decimal) between those attempts
 * @param timeoutMillis   {@code ldap.pool_timeout} (seconds): connect, response and pool wait timeout
 * @param groupsBaseDn    {@code ldap.groups.base_dn}: where the user's groups are searched; unset: no groups
 * @param groupsFilter    {@code ldap.groups.filter}: the group search filter, {@code {dn}} standing for the
 *                        user's DN and {@code {mail}} for the login
 * @param groupPrincipal  {@code ldap.groups.principal}: the principal of a group, {@code {attribute}} standing
 *                        for the group entry's attribute
 * @param startTls        {@code ldap.starttls} (Jinto's own): each connection of an {@code ldap://} endpoint is
 *                        encrypted by StartTLS before anything (the bind account's password) is sent
 * @param trustStore      {@code ldap.truststore} (Jinto's own): a JKS or PKCS12 file of the certificates trusted for
 *                        ldaps:// and StartTLS (a company CA); unset: the JVM's trust store
 * @param trustStorePassword {@code ldap.truststore_password}: the file's password, if it has one
 */
record LdapConfig(LDAPURL endpoint, String baseDn, String filters, Optional<String> fqn, Optional<String> bindDn,
                  String bindPassword, long cacheTtlSeconds, int poolSize, int retryMax, long retryDelayMillis,
                  int timeoutMillis, Optional<String> groupsBaseDn, String groupsFilter, String groupPrincipal,
                  boolean startTls, Optional<String> trustStore, Optional<String> trustStorePassword) {

    static final String LOGIN = "{mail}";
    static final String USER_DN = "{dn}";

    /**
     * The fixed start of the group principals ({@code ldap:group:}): a login whose user id starts so would pass for
     * a group, and is refused.
     */
    String groupPrincipalPrefix() {
        int placeholder = groupPrincipal.indexOf('{');
        return placeholder < 0 ? groupPrincipal : groupPrincipal.substring(0, placeholder);
    }

    static LdapConfig of(Settings settings) {
        String endpoint = setting(settings, "endpoint").orElseThrow(() -> invalid("endpoint",
                "is required, e.g. ldap://ldap.example.com or ldaps://ldap.example.com"));
        LDAPURL url;
        try {
            url = new LDAPURL(endpoint);
        } catch (LDAPException e) {
            throw invalid("endpoint", "is not an LDAP URL: " + endpoint);
        }
        String filters = setting(settings, "filters").orElse("(" + "mail=" + LOGIN + ")");
        if (!filters.contains(LOGIN)) {
            // kinto-ldap's ConfigurationError.
            throw invalid("filters", "should take a 'mail' argument, got: '" + filters + "'");
        }
        checkFilter("filters", filters);
        Optional<String> fqn = setting(settings, "fqn");
        if (fqn.isPresent() && !fqn.get().contains(LOGIN)) {
            throw invalid("fqn", "should take a 'mail' argument, got: '" + fqn.get() + "'");
        }
        String groupsFilter = setting(settings, "groups.filter").orElse("(member=" + USER_DN + ")");
        checkFilter("groups.filter", groupsFilter);
        boolean startTls = settings.getBoolean("kinto.ldap.starttls", false);
        if (startTls && "ldaps".equalsIgnoreCase(url.getScheme())) {
            throw invalid("starttls", "is for ldap:// endpoints; " + endpoint + " is already encrypted");
        }
        Optional<String> trustStore = setting(settings, "truststore");
        if (trustStore.isPresent() && !Files.isReadable(Path.of(trustStore.get()))) {
            throw invalid("truststore", "is not a readable file: " + trustStore.get());
        }
        return new LdapConfig(url, setting(settings, "base_dn").orElse("dc=mozilla"), filters, fqn,
                setting(settings, "bind_dn"), setting(settings, "bind_password").orElse(""),
                number(settings, "cache_ttl_seconds", 30), (int) number(settings, "pool_size", 10),
                (int) number(settings, "pool_retry_max", 3), millis(settings, "pool_retry_delay", 0.1),
                (int) millis(settings, "pool_timeout", 30), setting(settings, "groups.base_dn"), groupsFilter,
                setting(settings, "groups.principal").orElse("ldap:group:{cn}"), startTls, trustStore,
                setting(settings, "truststore_password"));
    }

    private static Optional<String> setting(Settings settings, String name) {
        return settings.get("kinto.ldap." + name).filter(v -> !v.isBlank());
    }

    private static long number(Settings settings, String name, long defaultValue) {
        long value = settings.getLong("kinto.ldap." + name, defaultValue);
        if (value < 0) {
            throw invalid(name, "must not be negative");
        }
        return value;
    }

    private static long millis(Settings settings, String name, double defaultSeconds) {
        String value = setting(settings, name).orElse(Double.toString(defaultSeconds));
        try {
            return Math.round(Double.parseDouble(value) * 1000);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number of seconds, got: '" + value + "'");
        }
    }

    private static void checkFilter(String name, String filter) {
        try {
            Filter.create(filter.replace(LOGIN, "x").replace(USER_DN, "x"));
        } catch (LDAPException e) {
            throw invalid(name, "is not an LDAP filter: " + e.getMessage());
        }
    }

    private static IllegalStateException invalid(String name, String problem) {
        return new IllegalStateException("ldap." + name + " " + problem);
    }
}

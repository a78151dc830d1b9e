package org.jinto.plugins.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ByteStringBuffer;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import org.jinto.api.storage.BackendException;

import javax.net.ssl.SSLSocketFactory;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory behind the LDAP policy, reached through UnboundID's connection pool (bound as
 * {@code ldap.bind_dn}, or anonymous). A directory that cannot be reached after {@code ldap.pool_retry_max}
 * attempts is a {@link BackendException} (503); anything the directory answers about the credentials is a refusal.
 */
final class LdapDirectory implements AutoCloseable {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9-]*)}");
    /** Result codes that say the directory, not the credentials, failed. */
    private static final Set<ResultCode> OUTAGES = Set.of(ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.TIMEOUT, ResultCode.TIME_LIMIT_EXCEEDED, ResultCode.ADMIN_LIMIT_EXCEEDED);

    private final LdapConfig config;
    private final LDAPConnectionPool pool;

    LdapDirectory(LdapConfig config) {
        this.config = config;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(config.timeoutMillis());
        options.setResponseTimeoutMillis(config.timeoutMillis());
        // The certificate must name the endpoint's host, for ldaps:// and StartTLS alike.
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        boolean ldaps = "ldaps".equalsIgnoreCase(config.endpoint().getScheme());
        SSLSocketFactory tls = tls(config);
        SingleServerSet server = new SingleServerSet(config.endpoint().getHost(), config.endpoint().getPort(),
                ldaps ? tls : null, options);
        SimpleBindRequest bind = config.bindDn().map(dn -> new SimpleBindRequest(dn, config.bindPassword()))
                .orElse(null);
        PostConnectProcessor startTls = config.startTls() ? startTls(tls) : null;
        try {
            // No connection is required at startup: a directory that is down answers 503 until it is back.
            pool = new LDAPConnectionPool(server, bind, 0, Math.max(1, config.poolSize()), startTls, false);
        } catch (LDAPException e) {
            throw new IllegalStateException("LDAP connection pool: " + e.getMessage(), e);
        }
        pool.setCreateIfNecessary(false);
        pool.setMaxWaitTimeMillis(config.timeoutMillis());
        // A pooled connection the directory closed (restart) is replaced and the operation retried once.
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.allOf(OperationType.class));
    }

    /** The TLS of ldaps:// and StartTLS: trusting {@code ldap.truststore}'s certificates, or the JVM's. */
    private static SSLSocketFactory tls(LdapConfig config) {
        SSLUtil ssl = config.trustStore()
                .map(path -> new SSLUtil(new TrustStoreTrustManager(path,
                        config.trustStorePassword().map(String::toCharArray).orElse(null), null, true)))
                .orElseGet(() -> new SSLUtil(JVMDefaultTrustManager.getInstance()));
        try {
            return ssl.createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ldap TLS: " + e.getMessage(), e);
        }
    }

    /**
     * StartTLS on each new connection, before its bind. A directory that refuses it (an operation error, not a
     * connection error, for UnboundID) is unreachable: 503, and nothing is sent in clear.
     */
    private static PostConnectProcessor startTls(SSLSocketFactory tls) {
        StartTLSPostConnectProcessor startTls = new StartTLSPostConnectProcessor(tls);
        return new PostConnectProcessor() {
            @Override
            public void processPreAuthenticatedConnection(LDAPConnection connection) throws LDAPException {
                try {
                    startTls.processPreAuthenticatedConnection(connection);
                } catch (LDAPException e) {
                    throw new LDAPException(ResultCode.CONNECT_ERROR, "StartTLS failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void processPostAuthenticatedConnection(LDAPConnection connection) {
                // Nothing after the bind.
            }
        };
    }

    /**
     * Binds as the user: the DN is {@code ldap.fqn} with the login escaped as a DN value, else the single entry
     * {@code ldap.filters} finds with the login escaped as a filter value. Verified, the user's groups are read.
     */
    DirectoryAnswer authenticate(String login, String password) {
        Optional<String> dn = config.fqn().isPresent()
                ? Optional.of(config.fqn().get().replace(LdapConfig.LOGIN, escapeDnValue(login)))
                : findUser(login);
        return dn.filter(d -> bindsAs(d, password))
                .map(d -> new DirectoryAnswer(true, groups(login, d)))
                .orElse(DirectoryAnswer.REFUSED);
    }

    /** The principals of the user's groups ({@code ldap.groups.*}), none when group mapping is off. */
    private Set<String> groups(String login, String userDn) {
        Set<String> principals = new TreeSet<>();
        if (config.groupsBaseDn().isEmpty()) {
            return principals;
        }
        String filter = config.groupsFilter().replace(LdapConfig.USER_DN, Filter.encodeValue(userDn))
                .replace(LdapConfig.LOGIN, Filter.encodeValue(login));
        Set<String> attributes = new TreeSet<>();
        Matcher placeholders = ATTRIBUTE.matcher(config.groupPrincipal());
        while (placeholders.find()) {
            attributes.add(placeholders.group(1));
        }
        for (SearchResultEntry group : search(config.groupsBaseDn().get(), filter,
                attributes.toArray(String[]::new))) {
            principal(group).ifPresent(principals::add);
        }
        return principals;
    }

    /**
     * Runs the user search of {@code ldap.filters} for a dummy login, kinto-ldap's heartbeat: any error fails it,
     * a refused search account too.
     */
    boolean ping() {
        attempt(() -> pool.search(new SearchRequest(config.baseDn(), SearchScope.SUB,
                config.filters().replace(LdapConfig.LOGIN, "demo"), "1.1")));
        return true;
    }

    private Optional<String> principal(SearchResultEntry group) {
        Matcher placeholders = ATTRIBUTE.matcher(config.groupPrincipal());
        StringBuilder principal = new StringBuilder();
        while (placeholders.find()) {
            String value = group.getAttributeValue(placeholders.group(1));
            if (value == null) {
                return Optional.empty();
            }
            placeholders.appendReplacement(principal, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(principal);
        return Optional.of(principal.toString());
    }

    private Optional<String> findUser(String login) {
        List<SearchResultEntry> found = search(config.baseDn(),
                config.filters().replace(LdapConfig.LOGIN, Filter.encodeValue(login)), "1.1");
        // As kinto-ldap: anything but exactly one entry is a refusal.
        return found.size() == 1 ? Optional.of(found.get(0).getDN()) : Optional.empty();
    }

    private boolean bindsAs(String dn, String password) {
        return attempt(() -> {
            try {
                pool.bindAndRevertAuthentication(new SimpleBindRequest(dn, password));
                return true;
            } catch (LDAPException e) {
                if (isOutage(e)) {
                    throw e;
                }
                return false;
            }
        });
    }

    private List<SearchResultEntry> search(String base, String filter, String... attributes) {
        return attempt(() -> {
            try {
                return pool.search(new SearchRequest(base, SearchScope.SUB, filter, attributes)).getSearchEntries();
            } catch (LDAPException e) {
                if (isOutage(e)) {
                    throw e;
                }
                // No such base, size limit, ...: found nothing.
                return List.of();
            }
        });
    }

    private interface Operation<T> {
        T run() throws LDAPException;
    }

    /** Runs an operation up to {@code ldap.pool_retry_max} times while the directory cannot be reached. */
    private <T> T attempt(Operation<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.run();
            } catch (LDAPException e) {
                if (attempt >= config.retryMax()) {
                    // The message names the result code and server, never the credentials.
                    throw new BackendException("LDAP directory unavailable: " + e.getMessage(), null);
                }
                sleep(config.retryDelayMillis());
            }
        }
    }

    private static boolean isOutage(LDAPException e) {
        return !ResultCode.isConnectionUsable(e.getResultCode()) || OUTAGES.contains(e.getResultCode());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("Interrupted while waiting for the LDAP directory", e);
        }
    }

    /** The login as one DN attribute value: {@code ,}, {@code +}, {@code =}, quotes, NUL... escaped. */
    static String escapeDnValue(String value) {
        ByteStringBuffer escaped = new ByteStringBuffer();
        DN.getDNEscapingStrategy().escape(value, escaped);
        return escaped.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}

package org.jinto.plugins.ldap;

import org.jinto.api.MapSettings;
import org.jinto.api.Settings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** kinto-ldap's settings, defaults and refusals, and the escaping of a login in a bind DN. */
class LdapConfigTest {

    private static Settings settings(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new MapSettings(values);
    }

    @Test
    void kintoLdapDefaults() {
        LdapConfig config = LdapConfig.of(settings("kinto.ldap.endpoint", "ldaps://ldap.example.com"));
        assertEquals("ldap.example.com", config.endpoint().getHost());
        assertEquals(636, config.endpoint().getPort());
        assertEquals("dc=mozilla", config.baseDn());
        assertEquals("(mail={mail})", config.filters());
        assertEquals(30, config.cacheTtlSeconds());
        assertEquals(10, config.poolSize());
        assertEquals(3, config.retryMax());
        assertEquals(100, config.retryDelayMillis());
        assertEquals(30_000, config.timeoutMillis());
        assertEquals(Optional.empty(), config.groupsBaseDn());
        assertEquals("(member={dn})", config.groupsFilter());
        assertEquals("ldap:group:", config.groupPrincipalPrefix());
    }

    @Test
    void refusesWhatKintoLdapRefuses() {
        assertEquals("ldap.endpoint is required, e.g. ldap://ldap.example.com or ldaps://ldap.example.com",
                assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings())).getMessage());
        assertEquals("ldap.filters should take a 'mail' argument, got: '(uid=alice)'",
                assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                        "kinto.ldap.endpoint", "ldap://h", "kinto.ldap.filters", "(uid=alice)"))).getMessage());
        assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                "kinto.ldap.endpoint", "ldap://h", "kinto.ldap.filters", "(mail={mail}")));
        assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                "kinto.ldap.endpoint", "http://h")));
        assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                "kinto.ldap.endpoint", "ldap://h", "kinto.ldap.fqn", "uid=alice,dc=example")));
    }

    @Test
    void loginIsOneDnValue() {
        assertEquals("a\\,ou=admins", LdapDirectory.escapeDnValue("a,ou=admins"));
        assertEquals("a\\+cn=b", LdapDirectory.escapeDnValue("a+cn=b"));
        assertEquals("a\\00", LdapDirectory.escapeDnValue("a\u0000"));
    }

    @Test
    void tlsSettings() {
        LdapConfig plain = LdapConfig.of(settings("kinto.ldap.endpoint", "ldap://h"));
        assertEquals(false, plain.startTls());
        assertEquals(Optional.empty(), plain.trustStore());
        assertEquals(true, LdapConfig.of(settings("kinto.ldap.endpoint", "ldap://h", "kinto.ldap.starttls", "true"))
                .startTls());
        assertEquals("ldap.starttls is for ldap:// endpoints; ldaps://h is already encrypted",
                assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                        "kinto.ldap.endpoint", "ldaps://h", "kinto.ldap.starttls", "true"))).getMessage());
        assertEquals("ldap.truststore is not a readable file: /no/such/file.p12",
                assertThrows(IllegalStateException.class, () -> LdapConfig.of(settings(
                        "kinto.ldap.endpoint", "ldaps://h", "kinto.ldap.truststore", "/no/such/file.p12")))
                        .getMessage());
    }
}

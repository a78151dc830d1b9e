package org.jinto.settings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unset settings read as Kinto 25.0.2's DEFAULT_SETTINGS (kinto/__init__.py over kinto/core/__init__.py). */
class KintoDefaultsTest {

    private final KintoSettings unset = new KintoSettings(Map.of(), name -> null);

    @Test
    void kintoCodeDefaults() {
        assertEquals(List.of("system.Authenticated"), unset.getList("kinto.bucket_create_principals"));
        assertEquals(List.of("system.Everyone"), unset.getList("kinto.permissions_read_principals"));
        assertEquals(3, unset.getLong("kinto.retry_after_seconds", 30));
        assertEquals(600, unset.getLong("kinto.pagination_token_validity_seconds", 10));
        assertEquals("kinto", unset.get("kinto.prometheus_prefix").orElseThrow());
        assertEquals(List.of("system.Authenticated"), unset.getList("bucket_create_principals"), "unprefixed key");
    }

    @Test
    void fileAndEnvironmentOverrideDefaults() {
        KintoSettings file = new KintoSettings(Map.of("bucket_create_principals", "", "kinto.retry_after_seconds", "30"),
                name -> null);
        assertTrue(file.getList("kinto.bucket_create_principals").isEmpty());
        assertEquals(30, file.getLong("kinto.retry_after_seconds", 3));
        KintoSettings env = new KintoSettings(Map.of(), Map.of("KINTO_PROMETHEUS_PREFIX", "")::get);
        assertEquals("", env.get("kinto.prometheus_prefix").orElseThrow());
    }

    @Test
    void otherKeysStayUnset() {
        assertTrue(unset.get("kinto.record_create_principals").isEmpty());
        assertTrue(unset.get("kinto.eos").isEmpty());
        assertTrue(unset.get("multiauth.policies").isEmpty());
    }
}

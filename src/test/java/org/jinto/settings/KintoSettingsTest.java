package org.jinto.settings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KintoSettingsTest {

    private static final List<String> INI = List.of(
            "# comment",
            "[server:main]",
            "port = 9999",
            "[app:main]",
            "kinto.backoff = 10",
            "readonly = true",
            "; another comment",
            "multiauth.policies = account",
            "    basicauth",
            "kinto.eos_message = \"quoted message\"",
            "kinto.bucket_create_principals: system.Everyone, account:admin");

    private final Map<String, String> file = IniFile.parseSection(INI, "app:main");

    @Test
    void readsTheAppMainSectionOnly() {
        assertEquals("10", file.get("kinto.backoff"));
        assertFalse(file.containsKey("port"));
        assertEquals("account\nbasicauth", file.get("multiauth.policies"));
    }

    @Test
    void fileValuesWithAndWithoutPrefix() {
        KintoSettings settings = new KintoSettings(file, name -> null);
        assertEquals("10", settings.get("kinto.backoff").orElseThrow());
        assertEquals("10", settings.get("backoff").orElseThrow());
        assertTrue(settings.getBoolean("kinto.readonly", false));
        assertEquals(List.of("account", "basicauth"), settings.getList("multiauth.policies"));
        assertEquals(List.of("system.Everyone", "account:admin"), settings.getList("kinto.bucket_create_principals"));
        assertEquals("quoted message", settings.get("kinto.eos_message").orElseThrow());
        assertTrue(settings.get("kinto.eos").isEmpty());
    }

    @Test
    void environmentOverridesAsKintoDoes() {
        Map<String, String> env = Map.of("KINTO_BACKOFF", "30", "READONLY", "false",
                "MULTIAUTH_POLICIES", "basicauth", "KINTO_EOS", "\"2030-01-01\"", "KINTO_CACHE_BACKEND", "redis");
        KintoSettings settings = new KintoSettings(file, env::get);
        assertEquals("30", settings.get("kinto.backoff").orElseThrow());
        assertFalse(settings.getBoolean("kinto.readonly", true));
        assertEquals(List.of("basicauth"), settings.getList("multiauth.policies"));
        assertEquals("2030-01-01", settings.get("kinto.eos").orElseThrow());
        assertEquals("redis", settings.get("kinto.cache_backend").orElseThrow());
    }

    @Test
    void prefixedEnvironmentWinsOverUnprefixed() {
        KintoSettings settings = new KintoSettings(Map.of(), Map.of("KINTO_BACKOFF", "1", "BACKOFF", "2")::get);
        assertEquals("1", settings.get("kinto.backoff").orElseThrow());
    }

    @Test
    void jsonValuesAreDecoded() {
        assertEquals("2030-01-01", KintoSettings.decode("2030-01-01"));
        assertEquals("2030-01-01", KintoSettings.decode("\"2030-01-01\""));
        assertEquals("a \"b\"", KintoSettings.decode("\"a \\\"b\\\"\""));
        assertEquals("\"unterminated", KintoSettings.decode("\"unterminated"));
        assertEquals("10", KintoSettings.decode("10"));
    }

    @Test
    void dashesAndDotsBecomeUnderscores() {
        assertEquals("KINTO_EVENT_LISTENERS_REDIS_USE", KintoSettings.envName("kinto.event-listeners.redis.use"));
    }

    @Test
    void malformedValuesNameTheKey() {
        KintoSettings settings = new KintoSettings(Map.of("kinto.backoff", "soon", "kinto.readonly", "maybe"), n -> null);
        IllegalStateException number = assertThrows(IllegalStateException.class, () -> settings.getLong("kinto.backoff", 0));
        assertTrue(number.getMessage().contains("kinto.backoff"));
        IllegalStateException bool = assertThrows(IllegalStateException.class, () -> settings.getBoolean("kinto.readonly", false));
        assertTrue(bool.getMessage().contains("kinto.readonly"));
    }

    @Test
    void malformedIniLinesAreReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IniFile.parseSection(List.of("[app:main]", "no separator here"), "app:main"));
        assertTrue(e.getMessage().contains("line 2"));
    }
}

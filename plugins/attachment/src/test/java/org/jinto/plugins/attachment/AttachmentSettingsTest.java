package org.jinto.plugins.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jinto.api.MapSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

class AttachmentSettingsTest {

    private static AttachmentSettings of(Map<String, String> values) {
        return AttachmentSettings.from(new MapSettings(values));
    }

    @Test
    void collectionOverridesBucketOverridesGlobal() {
        AttachmentSettings settings = of(Map.of(
                "kinto.attachment.keep_old_files", "false",
                "kinto.attachment.max_size_bytes", "100",
                "kinto.attachment.resources.blog.keep_old_files", "true",
                "kinto.attachment.resources.blog.articles.max_size_bytes", "0",
                "kinto.attachment.resources.blog.articles.gzipped", "true"));
        assertFalse(settings.forResource("other", "c").keepOldFiles());
        assertEquals(100, settings.forResource("other", "c").maxSizeBytes());
        assertTrue(settings.forResource("blog", "c").keepOldFiles());
        assertEquals(100, settings.forResource("blog", "c").maxSizeBytes());
        assertEquals(0, settings.forResource("blog", "articles").maxSizeBytes());
        assertTrue(settings.forResource("blog", "articles").gzipped());
        assertFalse(settings.forResource("blog", "c").gzipped());
        assertTrue(settings.forResource("blog", "c").randomize());
    }

    @Test
    void malformedOrUnknownOverridesAreRefused() {
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> of(Map.of("kinto.attachment.resources.a.b.c.randomize", "true")));
        assertEquals("Configuration rule malformed: `kinto.attachment.resources.a.b.c.randomize`",
                malformed.getMessage());
        assertThrows(IllegalStateException.class, () -> of(Map.of("kinto.attachment.resources.a.base_url", "x")));
        assertThrows(IllegalStateException.class, () -> of(Map.of("kinto.attachment.max_size_bytes", "ten")));
    }

    @Test
    void baseUrlsGetATrailingSlashAndTheCapabilityPrefersTheExtraOne() {
        AttachmentSettings settings = of(Map.of("kinto.attachment.base_url", "https://cdn.example.org/files",
                "kinto.attachment.base_path", "/tmp"));
        assertEquals("https://cdn.example.org/files/", settings.baseUrl());
        assertEquals("https://cdn.example.org/files/", settings.advertisedBaseUrl().orElseThrow());
        assertTrue(settings.localStore());
        AttachmentSettings extra = of(Map.of("kinto.attachment.base_url", "https://a/",
                "kinto.attachment.extra.base_url", "https://b"));
        assertEquals("https://b/", extra.advertisedBaseUrl().orElseThrow());
        assertFalse(extra.localStore());
    }
}

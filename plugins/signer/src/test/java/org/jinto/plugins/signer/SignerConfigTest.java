package org.jinto.plugins.signer;

import org.jinto.api.MapSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of {@code signer.resources} and the per-resource settings, as kinto-signer reads them. */
class SignerConfigTest {

    @Test
    void perBucketAndPerCollectionResources() {
        SignerConfig config = SignerConfig.from(new MapSettings(Map.of("signer.resources",
                "/buckets/work -> /buckets/preview -> /buckets/main\nsrc/c1;dst/c1")));
        SignedResource c = config.pick("work", "c").orElseThrow();
        assertEquals(new CollectionRef("main", "c"), c.destination());
        assertEquals(new CollectionRef("preview", "c"), c.preview());
        SignedResource c1 = config.pick("src", "c1").orElseThrow();
        assertEquals(new CollectionRef("dst", "c1"), c1.destination());
        assertTrue(c1.previewRef().isEmpty());
        assertTrue(config.pick("src", "c2").isEmpty());
        assertTrue(config.pick("main", "c").isEmpty());
        assertEquals(c, config.publishingTo("main", "c").orElseThrow());
        assertTrue(config.publishingTo("other", "c").isEmpty());
    }

    @Test
    void defaultIsRemoteSettingsWorkspace() {
        SignerConfig config = SignerConfig.from(new MapSettings(Map.of()));
        assertEquals(new CollectionRef("main-preview", "cid"), config.pick("main-workspace", "cid").orElseThrow()
                .preview());
    }

    @Test
    void settingsFromTheMostSpecificPrefix() {
        SignerConfig config = SignerConfig.from(new MapSettings(Map.of(
                "signer.resources", "/buckets/a -> /buckets/b",
                "signer.to_review_enabled", "true",
                "signer.a.reviewers_group", "{collection_id}-approvers",
                "kinto.signer.a.special.to_review_enabled", "false",
                "signer.a.autograph.hawk_id", "x")));
        assertTrue(config.toReviewEnabled(config.pick("a", "other").orElseThrow()));
        SignedResource special = config.pick("a", "special").orElseThrow();
        assertFalse(config.toReviewEnabled(special));
        assertEquals("special-approvers", config.reviewersGroup(special));
        assertEquals("special-editors", config.editorsGroup(special));
        // The collection-specific resource shows in the capability, the backend section does not.
        assertEquals(2, config.capability().getJsonArray("resources").size());
    }

    @Test
    void malformedResourcesStopStartup() {
        for (String bad : List.of("/buckets/a /buckets/b", "/buckets/a -> /buckets/b/collections/c",
                "/buckets/a -> /buckets/a", "/buckets/a -> /buckets/b\n/buckets/a -> /buckets/c",
                "/buckets/a -> /buckets/b\n/buckets/c -> /buckets/b", "/groups/a -> /buckets/b",
                "/buckets/a -> /buckets/b -> /buckets/c -> /buckets/d")) {
            assertThrows(IllegalStateException.class, () -> SignerConfig.from(new MapSettings(Map.of("signer.resources", bad))),
                    bad);
        }
    }
}

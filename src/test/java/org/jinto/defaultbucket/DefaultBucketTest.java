package org.jinto.defaultbucket;

import org.jinto.settings.KintoSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Default bucket ids identical to Kinto 25's: the ids the real Kinto answered in the conformance recordings
 * (golden 01, 06, 15, 20) with {@code userid_hmac_secret = anchor-fixed-hmac-secret-do-not-use-in-prod}.
 */
class DefaultBucketTest {

    private static final String SECRET = "anchor-fixed-hmac-secret-do-not-use-in-prod";

    @Test
    void idsAreTheOnesKintoAnswered() {
        DefaultBucket defaultBucket = withSettings(Map.of("kinto.userid_hmac_secret", SECRET));
        assertEquals("73141b75-6d02-0c03-6aee-82ad1ea55d41", defaultBucket.bucketId("account:alice"));
        assertEquals("320816bc-8da6-73b7-ade4-0ea30681953c", defaultBucket.bucketId("account:bob"));
        assertEquals("8542b3b6-9796-c75c-84fb-7085f3b0630f",
                defaultBucket.bucketId("basicauth:e610c9d1e2eca9b4b4933ae224817bb933de44b93964777891ee33bca925fae0"));
        assertEquals("c2baa204-886a-d901-9586-5ceaf4b47538",
                defaultBucket.bucketId("basicauth:91da53850d84463e351fe08b35d787dba8deccf02137e3f8131f7fdf9d413348"));
    }

    @Test
    void defaultBucketSecretKeysTheIds() {
        DefaultBucket defaultBucket = withSettings(Map.of("kinto.userid_hmac_secret", SECRET,
                "kinto.default_bucket_hmac_secret", SECRET));
        // Python: str(uuid.UUID(hmac.new(SECRET, b"account:alice", sha256).hexdigest()[:32]))
        assertEquals("3852e0c7-a504-0696-15ac-fe6c612148a1", defaultBucket.bucketId("account:alice"));
    }

    @Test
    void enabledByTheIncludes() {
        assertFalse(withSettings(Map.of()).enabled());
        assertTrue(withSettings(Map.of("kinto.includes", "kinto.plugins.flush kinto.plugins.default_bucket")).enabled());
    }

    private static DefaultBucket withSettings(Map<String, String> values) {
        DefaultBucket defaultBucket = new DefaultBucket();
        defaultBucket.settings = new KintoSettings(new HashMap<>(values), name -> null);
        return defaultBucket;
    }
}

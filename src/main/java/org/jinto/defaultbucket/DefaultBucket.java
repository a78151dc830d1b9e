package org.jinto.defaultbucket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.auth.HmacDigest;

/**
 * Kinto's default bucket plugin ({@code kinto.plugins.default_bucket}): each user's personal bucket, whose id is
 * the UUID-shaped HMAC of the user id.
 */
@ApplicationScoped
public class DefaultBucket {

    public static final String PLUGIN = "kinto.plugins.default_bucket";

    @Inject
    Settings settings;

    public boolean enabled() {
        return settings.getList("kinto.includes").contains(PLUGIN);
    }

    /**
     * The personal bucket id of a user: the first 32 hex digits of HMAC-SHA256({@code default_bucket_hmac_secret},
     * user id), written as a UUID. Kinto falls back to {@code userid_hmac_secret} only when
     * {@code default_bucket_hmac_secret} is absent from its settings, but Kinto 25 defines it (empty) among its
     * defaults: the ids it answers (conformance golden 01, 15, 20) are HMACs under the empty secret.
     */
    public String bucketId(String userId) {
        String hex = HmacDigest.hex(settings.get("kinto.default_bucket_hmac_secret", ""), userId);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** Shown in {@code GET /v1/} capabilities when the plugin is included; null (no capability) otherwise. */
    @Produces
    @Dependent
    Capability capability() {
        return enabled() ? new Capability("default_bucket",
                "The default bucket is an alias for a personal bucket where collections are created implicitly.",
                "https://kinto.readthedocs.io/en/latest/api/1.x/buckets.html#personal-bucket-default", null) : null;
    }
}

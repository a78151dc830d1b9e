package org.jinto.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.jinto.api.Plugin;
import org.jinto.auth.AccountsSettingsCheck;
import org.jinto.defaultbucket.DefaultBucket;
import org.jinto.http.admin.AdminAssets;
import org.jinto.ops.metrics.Metrics;

/**
 * Kinto plugins whose features are part of the server itself, declared so that {@code kinto.includes} may list
 * them like plugins shipped as JARs.
 */
@ApplicationScoped
public class BuiltInPlugins {

    @Produces
    @Dependent
    Plugin accounts() {
        return () -> AccountsSettingsCheck.ACCOUNTS_PLUGIN;
    }

    @Produces
    @Dependent
    Plugin defaultBucket() {
        return () -> DefaultBucket.PLUGIN;
    }

    @Produces
    @Dependent
    Plugin admin() {
        return () -> AdminAssets.PLUGIN;
    }

    @Produces
    @Dependent
    Plugin prometheus() {
        return () -> Metrics.PROMETHEUS_PLUGIN;
    }

    /** Kinto 25 sends StatsD metrics once this is included; Jinto does whenever {@code kinto.statsd_url} is set. */
    @Produces
    @Dependent
    Plugin statsd() {
        return () -> Metrics.STATSD_PLUGIN;
    }
}

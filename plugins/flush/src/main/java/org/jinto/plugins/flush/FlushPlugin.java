package org.jinto.plugins.flush;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

/**
 * {@code kinto.plugins.flush}, also enabled by {@code kinto.flush_endpoint_enabled} (env
 * {@code KINTO_FLUSH_ENDPOINT_ENABLED}) as in Kinto.
 */
@ApplicationScoped
public class FlushPlugin implements Plugin {

    static final String ENABLED_SETTING = "kinto.flush_endpoint_enabled";

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "kinto.plugins.flush";
    }

    @Override
    public boolean isEnabled(Settings settings) {
        return Plugin.super.isEnabled(settings) || settings.getBoolean(ENABLED_SETTING, false);
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("flush_endpoint",
                "The __flush__ endpoint can be used to remove all data from all backends.",
                "https://kinto.readthedocs.io/en/latest/api/1.x/flush.html", null) : null;
    }
}

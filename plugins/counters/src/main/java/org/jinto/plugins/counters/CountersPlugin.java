package org.jinto.plugins.counters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

/** {@code kinto.plugins.counters}: the {@code __counters__} endpoint and its capability, as in Kinto. */
@ApplicationScoped
public class CountersPlugin implements Plugin {

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "kinto.plugins.counters";
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("counters_endpoint",
                "The __counters__ endpoint exposes how many objects are stored.",
                "https://kinto.readthedocs.io/en/latest/api/1.x/counters.html", null) : null;
    }
}

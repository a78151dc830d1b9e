package org.example.counter;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

/** Declares the plugin, enabled by {@code kinto.includes = jinto.examples.counter}, and its capability. */
@ApplicationScoped
public class CounterPlugin implements Plugin {

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "jinto.examples.counter";
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    /** Shown in GET /v1/ while enabled; a null capability is not shown. */
    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("counter", "Counts the records created in each collection.",
                "https://example.org/jinto-counter-plugin",
                JSON.createObjectBuilder().add("endpoint", "/__counter__/{bucket_id}/{collection_id}").build()) : null;
    }
}

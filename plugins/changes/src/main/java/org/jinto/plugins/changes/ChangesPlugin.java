package org.jinto.plugins.changes;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

import java.util.List;

/**
 * {@code kinto_changes} (also enabled by Remote Settings' {@code kinto_remote_settings}): the
 * {@code monitor/changes} list and the {@code changeset} endpoint; its capability lists the watched resources.
 */
@ApplicationScoped
public class ChangesPlugin implements Plugin {

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "kinto_changes";
    }

    @Override
    public boolean isEnabled(Settings settings) {
        List<String> includes = settings.getList(INCLUDES);
        return includes.contains(includeName()) || includes.contains("kinto_remote_settings");
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("changes",
                "Track modifications of records in Kinto and store the collection timestamps into a specific "
                        + "bucket and collection.",
                "http://kinto.readthedocs.io/en/latest/tutorials/synchronisation.html#polling-for-remote-changes",
                JSON.createObjectBuilder().add("collections",
                        JSON.createArrayBuilder(settings.getList("kinto.changes.resources"))).build()) : null;
    }
}

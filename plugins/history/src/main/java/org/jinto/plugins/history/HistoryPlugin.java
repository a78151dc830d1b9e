package org.jinto.plugins.history;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

/** {@code kinto.plugins.history}; its capability shows the trimming and exclusion settings as Kinto's does. */
@ApplicationScoped
public class HistoryPlugin implements Plugin {

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "kinto.plugins.history";
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("history", "Track changes on data.",
                "http://kinto.readthedocs.io/en/latest/api/1.x/history.html",
                exposedSettings(HistorySettings.from(settings))) : null;
    }

    /** A bad history setting stops the application, as in Kinto, instead of failing GET /v1/. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (isEnabled()) {
            exposedSettings(HistorySettings.from(settings));
        }
    }

    static JsonObject exposedSettings(HistorySettings history) {
        JsonObjectBuilder exposed = JSON.createObjectBuilder();
        if (history.trimMaxCount() > 0) {
            exposed.add("auto_trim_max_count", history.trimMaxCount());
        }
        if (!history.trimUserIds().isEmpty()) {
            exposed.add("auto_trim_user_ids", JSON.createArrayBuilder(history.trimUserIds()));
        }
        if (!history.excludedResources().isEmpty()) {
            JsonArrayBuilder excluded = JSON.createArrayBuilder();
            history.excludedResources().stream().map(HistoryPlugin::uriToObject).forEach(excluded::add);
            exposed.add("excluded_resources", excluded);
        }
        return exposed.build();
    }

    /** {@code /buckets/b/collections/c} as {@code {"bucket": "b", "collection": "c"}}, as Kinto's uri_to_dict. */
    static JsonObject uriToObject(String uri) {
        String[] parts = uri.split("/", -1);
        JsonObjectBuilder object = JSON.createObjectBuilder();
        switch (parts.length) {
            case 3 -> object.add("bucket", parts[2]);
            case 5 -> object.add("bucket", parts[2]).add(parts[3].equals("collections") ? "collection" : "group", parts[4]);
            case 7 -> object.add("bucket", parts[2]).add("collection", parts[4]).add("record", parts[6]);
            default -> throw new IllegalStateException("Setting kinto.history.exclude_resources: invalid URI " + uri);
        }
        return object.build();
    }
}

package org.jinto.plugins.attachment;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

/** {@code kinto_attachment}: its capability names the version it is compatible with and the files' base URL. */
@ApplicationScoped
public class AttachmentPlugin implements Plugin {

    /** The kinto-attachment release whose API this plugin serves. */
    static final String VERSION = "7.3.1";

    @Inject
    Settings settings;

    @Override
    public String includeName() {
        return "kinto_attachment";
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    AttachmentSettings attachmentSettings() {
        return AttachmentSettings.from(settings);
    }

    @Produces
    @Dependent
    Capability capability() {
        if (!isEnabled()) {
            return null;
        }
        JsonObjectBuilder extra = JSON.createObjectBuilder().add("version", VERSION);
        attachmentSettings().advertisedBaseUrl().ifPresentOrElse(url -> extra.add("base_url", url),
                () -> extra.addNull("base_url"));
        return new Capability("attachments", "Add file attachments to records",
                "https://github.com/Kinto/kinto-attachment/", extra.build());
    }

    /** A bad attachment setting stops the application, as Kinto's {@code ConfigurationError}. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (isEnabled()) {
            attachmentSettings();
        }
    }
}

package org.jinto.resource.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;

/** The {@code schema} capability of {@code GET /v1/}, shown while collection schema validation is on. */
@ApplicationScoped
public class SchemaCapability {

    @Inject
    Settings settings;

    @Produces
    @Dependent
    Capability capability() {
        return settings.getBoolean(SchemaValidation.SETTING, false)
                ? new Capability("schema", "Validates collection records with JSON schemas.",
                "https://kinto.readthedocs.io/en/latest/api/1.x/collections.html#collection-json-schema", null)
                : null;
    }
}

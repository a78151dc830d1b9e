package org.jinto.plugins.openid;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;
import org.jinto.api.cache.Cache;
import org.jinto.api.storage.BackendException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kinto.plugins.openid}: the providers are the names of {@code multiauth.policies} whose
 * {@code multiauth.policy.<name>.use} is Kinto's {@code OpenIDConnectPolicy}; Kinto's {@code openid} capability
 * lists them.
 */
@ApplicationScoped
public class OpenIdPlugin implements Plugin {

    static final String POLICY_CLASS = "kinto.plugins.openid.OpenIDConnectPolicy";
    private static final String DOCS_URL = "http://kinto.readthedocs.io/en/stable/api/1.x/authentication.html";

    @Inject
    Settings settings;
    @Inject
    Cache cache;

    private Map<String, Provider> providers;

    @Override
    public String includeName() {
        return "kinto.plugins.openid";
    }

    boolean enabled() {
        return isEnabled(settings);
    }

    /** The providers by name, in the order of {@code multiauth.policies}; their settings checked on first call. */
    synchronized Map<String, Provider> providers() {
        if (providers == null) {
            Map<String, Provider> configured = new LinkedHashMap<>();
            for (String name : settings.getList("multiauth.policies")) {
                // As Kinto's includeme: any class path ending so is the OpenID policy.
                if (settings.get(ProviderSettings.prefix(name) + "use", "").strip().endsWith("OpenIDConnectPolicy")) {
                    configured.put(name, new Provider(ProviderSettings.of(name, settings), cache));
                }
            }
            providers = configured;
        }
        return providers;
    }

    Optional<Provider> provider(String name) {
        return Optional.ofNullable(providers().get(name));
    }

    @Produces
    @Dependent
    Capability capability() {
        if (!enabled() || providers().isEmpty()) {
            return null;
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        providers().values().forEach(provider -> list.add(describe(provider)));
        return new Capability("openid", "OpenID connect support.", DOCS_URL,
                JSON.createObjectBuilder().add("providers", list).build());
    }

    /**
     * Kinto's provider entry. The issuer and userinfo endpoint come from the discovery document; while the provider
     * cannot be reached the root URL still answers, with the configured issuer and no userinfo endpoint.
     */
    private static JsonObjectBuilder describe(Provider provider) {
        ProviderSettings settings = provider.settings();
        Optional<ProviderMetadata> metadata;
        try {
            metadata = Optional.of(provider.metadata());
        } catch (BackendException e) {
            metadata = Optional.empty();
        }
        JsonObjectBuilder entry = JSON.createObjectBuilder()
                .add("name", settings.name())
                .add("issuer", metadata.map(ProviderMetadata::issuer).orElse(settings.issuer()))
                .add("auth_path", "/openid/" + settings.name() + "/login")
                .add("client_id", settings.clientId())
                .add("header_type", settings.headerType());
        metadata.map(ProviderMetadata::userinfoEndpoint).ifPresent(uri -> entry.add("userinfo_endpoint", uri));
        return entry;
    }
}

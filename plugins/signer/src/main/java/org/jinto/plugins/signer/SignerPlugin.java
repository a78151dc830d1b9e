package org.jinto.plugins.signer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Capability;
import org.jinto.api.Plugin;
import org.jinto.api.Settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code kinto_signer} (also enabled by Remote Settings' {@code kinto_remote_settings}): the settings, the signer of
 * each resource, and the {@code signer} capability. A bad setting or key stops the application at startup.
 */
@ApplicationScoped
public class SignerPlugin implements Plugin {

    /** The user id kinto-signer shows in its capability for the changes it makes itself. */
    static final String PLUGIN_USERID = "plugin:remote-settings";
    static final String DEFAULT_BACKEND = "kinto_remote_settings.signer.backends.local_ecdsa";

    @Inject
    Settings settings;
    @Inject
    @Any
    Instance<SignerBackend> backends;

    private volatile SignerConfig config;
    private final Map<String, ContentSigner> signers = new ConcurrentHashMap<>();

    @Override
    public String includeName() {
        return "kinto_signer";
    }

    @Override
    public boolean isEnabled(Settings settings) {
        List<String> includes = settings.getList(INCLUDES);
        return includes.contains(includeName()) || includes.contains("kinto_remote_settings");
    }

    boolean isEnabled() {
        return isEnabled(settings);
    }

    SignerConfig config() {
        if (config == null) {
            config = SignerConfig.from(settings);
        }
        return config;
    }

    /** The signer of a resource, by its {@code signer_backend} setting; loaded once. */
    ContentSigner signer(SignedResource resource) {
        return signers.computeIfAbsent(resource.key(), key -> {
            String backend = config().setting(resource, "signer_backend").orElse(DEFAULT_BACKEND);
            String name = backend.substring(backend.lastIndexOf('.') + 1);
            Instance<SignerBackend> selected = backends.select(BackendName.Literal.of(name));
            if (!selected.isResolvable()) {
                throw new IllegalStateException("Setting kinto.signer.signer_backend: unknown backend " + backend
                        + " (known: local_ecdsa, autograph)");
            }
            return selected.get().load(setting -> config().setting(resource, setting));
        });
    }

    @Produces
    @Dependent
    Capability capability() {
        return isEnabled() ? new Capability("signer",
                "Digital signatures for integrity and authenticity of records.",
                "https://github.com/mozilla/remote-settings/tree/main/kinto-remote-settings",
                config().capability()) : null;
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (isEnabled()) {
            config().resources().values().forEach(this::signer);
        }
    }
}

package org.jinto.http.admin;

import static org.jinto.api.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jinto.api.Capability;
import org.jinto.api.Settings;
import org.jinto.settings.IncludedPlugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The kinto-admin build served by {@code kinto.plugins.admin}: the folder named by {@code kinto.admin_assets_path},
 * which must hold {@code index.html} and the {@code VERSION} file whose content the {@code admin} capability
 * advertises. A named folder that is missing or incomplete stops startup. Without the setting the server starts,
 * as Kinto does (whose package bundles a build, which Jinto does not): a warning is logged, the capability says
 * what is missing and the admin pages answer 404.
 */
@ApplicationScoped
public class AdminAssets {

    public static final String PLUGIN = IncludedPlugins.ADMIN;
    public static final String PATH_KEY = "kinto.admin_assets_path";
    static final String INDEX = "index.html";
    static final String VERSION = "VERSION";
    static final String MISSING = "no kinto-admin build: set " + PATH_KEY
            + " to the folder of one (index.html, VERSION, assets/)";
    private static final Logger LOG = Logger.getLogger(AdminAssets.class.getName());

    @Inject
    Settings settings;

    private boolean included;
    private Path folder;
    private String version;

    @PostConstruct
    void locate() {
        included = IncludedPlugins.contains(settings, PLUGIN);
        if (!included) {
            return;
        }
        String configured = settings.get(PATH_KEY, "").strip();
        if (configured.isEmpty()) {
            LOG.warning(PLUGIN + ": " + MISSING + "; /v1/admin/ answers 404");
            return;
        }
        try {
            folder = Path.of(configured).toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("Setting " + PATH_KEY + " names a folder that does not exist: " + configured, e);
        }
        for (String required : new String[]{INDEX, VERSION}) {
            if (!Files.isRegularFile(folder.resolve(required))) {
                throw new IllegalStateException("Setting " + PATH_KEY + ": " + folder + " has no " + required
                        + " file; it must hold a kinto-admin build");
            }
        }
        try {
            version = Files.readString(folder.resolve(VERSION), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Observing startup creates this bean, so a bad assets folder stops startup rather than the first request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Nothing more: locate() has run.
    }

    /** Whether {@code kinto.plugins.admin} is included (its pages are routed, with or without a build). */
    public boolean enabled() {
        return included;
    }

    /**
     * The regular file at this path relative to the assets folder, if there is one inside it (paths that lead
     * outside the folder, including through symbolic links, find nothing).
     */
    public Optional<Path> file(String relative) {
        if (folder == null) {
            return Optional.empty();
        }
        try {
            Path candidate = folder.resolve(relative).normalize();
            if (!candidate.startsWith(folder) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(folder) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Kinto's {@code admin} capability with the build's version, when the plugin is included; without a build, a
     * null version and what is missing.
     */
    @Produces
    @Dependent
    Capability capability() {
        if (!included) {
            return null;
        }
        var extra = folder == null
                ? JSON.createObjectBuilder().addNull("version").add("missing", MISSING)
                : JSON.createObjectBuilder().add("version", version);
        return new Capability("admin", "Serves the admin console.", "https://github.com/Kinto/kinto-admin/",
                extra.build());
    }
}

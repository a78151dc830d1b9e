package org.jinto.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import org.jinto.api.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Locates the settings file: env {@code KINTO_INI}, system property {@code kinto.ini}, servlet context parameter
 * {@code kinto.ini}, else {@code server-config/kinto.ini} in the working directory. A file named explicitly must
 * exist; when the default file is absent, built-in defaults (and the environment) apply.
 */
@ApplicationScoped
public class SettingsProducer {

    static final String DEFAULT_FILE = "server-config/kinto.ini";
    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private String contextParameter;

    /** Runs before any other startup observer, so that the context parameter is known when settings are made. */
    void captureContext(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                        ServletContext servletContext) {
        contextParameter = servletContext.getInitParameter("kinto.ini");
    }

    @Produces
    @ApplicationScoped
    Settings settings() {
        return load(contextParameter);
    }

    /** The settings file read, if any (located as described above). */
    public Optional<Path> file() {
        return file(contextParameter);
    }

    /** Reads the settings file located as described above, {@code contextParameter} being the third choice. */
    public static Settings load(String contextParameter) {
        Optional<Path> file = file(contextParameter);
        if (file.isPresent()) {
            return fromFile(file.get());
        }
        LOG.info("No settings file: built-in defaults and environment variables apply");
        return new KintoSettings(Map.of(), System::getenv);
    }

    private static Optional<Path> file(String contextParameter) {
        String named = firstNonNull(System.getenv("KINTO_INI"), System.getProperty("kinto.ini"),
                contextParameter);
        if (named != null) {
            return Optional.of(Path.of(named));
        }
        return Optional.of(Path.of(DEFAULT_FILE)).filter(Files::isRegularFile);
    }

    /** The settings of {@code file}, which must exist, overridden by the environment. */
    public static Settings fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Settings file " + file.toAbsolutePath() + " (kinto.ini) does not exist");
        }
        Map<String, String> values = IniFile.readSection(file, "app:main");
        LOG.info(() -> "Settings read from " + file.toAbsolutePath());
        return new KintoSettings(values, System::getenv);
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

package org.jinto.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;

/** Python's logging level names, as Kinto's settings use them, with their JUL level and syslog severity. */
public enum LogLevel {
    DEBUG(Level.FINE, 7),
    INFO(Level.INFO, 6),
    WARNING(Level.WARNING, 4),
    ERROR(Level.SEVERE, 3),
    CRITICAL(Level.SEVERE, 2);

    private final Level julLevel;
    private final int severity;

    LogLevel(Level julLevel, int severity) {
        this.julLevel = julLevel;
        this.severity = severity;
    }

    public Level julLevel() {
        return julLevel;
    }

    /** The mozlog {@code Severity}: the syslog level number. */
    public int severity() {
        return severity;
    }

    /** Fails with {@link IllegalStateException} naming the setting and the valid names. */
    public static LogLevel parse(String key, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Setting " + key + " must be one of " + Arrays.toString(values())
                    + ", got '" + value + "'");
        }
    }
}

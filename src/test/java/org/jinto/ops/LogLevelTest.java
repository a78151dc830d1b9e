package org.jinto.ops;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLevelTest {

    @Test
    void pythonNamesMapToJulLevelsAndSyslogSeverities() {
        assertEquals(Level.FINE, LogLevel.parse("k", "debug").julLevel());
        assertEquals(6, LogLevel.parse("k", " INFO ").severity());
        assertEquals(Level.SEVERE, LogLevel.parse("k", "CRITICAL").julLevel());
        assertEquals(2, LogLevel.CRITICAL.severity());
    }

    @Test
    void unknownNameIsASettingError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogLevel.parse("kinto.logging_request_summary_level", "LOUD"));
        assertTrue(e.getMessage().contains("kinto.logging_request_summary_level"));
        assertTrue(e.getMessage().contains("WARNING"));
    }
}

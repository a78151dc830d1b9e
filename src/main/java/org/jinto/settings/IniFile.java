package org.jinto.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one section of an INI file as Python's ConfigParser does for PasteDeploy files: {@code key = value}
 * (or {@code key: value}), {@code #}/{@code ;} comments, indented lines continuing the previous value.
 */
public final class IniFile {

    private IniFile() {
    }

    public static Map<String, String> readSection(Path file, String section) {
        try {
            return parseSection(Files.readAllLines(file, StandardCharsets.UTF_8), section);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read settings file " + file, e);
        }
    }

    static Map<String, String> parseSection(List<String> lines, String section) {
        Map<String, String> values = new LinkedHashMap<>();
        String current = null;
        String lastKey = null;
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && lastKey != null) {
                if (section.equals(current)) {
                    String previous = values.get(lastKey);
                    values.put(lastKey, previous.isEmpty() ? trimmed : previous + "\n" + trimmed);
                }
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]")) {
                    throw new IllegalArgumentException("line " + lineNumber + ": malformed section header " + trimmed);
                }
                current = trimmed.substring(1, trimmed.length() - 1).strip();
                lastKey = null;
                continue;
            }
            int separator = indexOfSeparator(trimmed);
            if (separator <= 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected 'key = value', got " + trimmed);
            }
            lastKey = trimmed.substring(0, separator).strip();
            if (section.equals(current)) {
                values.put(lastKey, trimmed.substring(separator + 1).strip());
            }
        }
        return values;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}

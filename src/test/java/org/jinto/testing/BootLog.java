package org.jinto.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line per test server start in {@code target/jinto-test-boots.tsv} (milliseconds, the test class that asked,
 * the settings that differ from {@link JintoServer#defaults()}): each start costs seconds, so the file shows
 * which tests could share a server family instead.
 */
final class BootLog {

    private BootLog() {
    }

    static synchronized void record(Map<String, String> settings, Map<String, String> defaults, long nanos) {
        String webapp = System.getProperty("jinto.webapp");
        if (webapp == null) {
            return;
        }
        Map<String, String> diff = new TreeMap<>(settings);
        diff.entrySet().removeIf(e -> e.getValue().equals(defaults.get(e.getKey())));
        diff.replaceAll((key, value) -> value.startsWith("jdbc:postgresql:") ? "(own database)" : value);
        String line = nanos / 1_000_000 + "\t" + caller() + "\t" + diff + "\n";
        try {
            Files.writeString(Path.of(webapp).resolveSibling("jinto-test-boots.tsv"), line,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("IT") || name.endsWith("Test")).findFirst().orElse("?"));
    }
}

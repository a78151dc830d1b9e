package org.jinto.testing;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line per test server start in {@code server/target/jinto-test-boots.tsv}: wall milliseconds, milliseconds of
 * CPU the JVM spent meanwhile (less sensitive to the machine's load), the test class that asked, and the settings
 * that differ from {@link JintoServer#defaults()}. Each start costs seconds: the file shows which tests could share
 * a server family instead.
 */
final class BootLog {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long wallNanos = System.nanoTime();
    private final long cpuNanos = OS.getProcessCpuTime();

    private BootLog() {
    }

    static BootLog start() {
        return new BootLog();
    }

    void record(Map<String, String> settings, Map<String, String> defaults) {
        String webapp = System.getProperty("jinto.webapp");
        if (webapp == null) {
            return;
        }
        Map<String, String> diff = new TreeMap<>(settings);
        diff.entrySet().removeIf(e -> e.getValue().equals(defaults.get(e.getKey())));
        diff.replaceAll((key, value) -> value.startsWith("jdbc:postgresql:") ? "(own database)" : value);
        String line = (System.nanoTime() - wallNanos) / 1_000_000 + "\t" + (OS.getProcessCpuTime() - cpuNanos) / 1_000_000
                + "\t" + caller() + "\t" + diff + "\n";
        synchronized (BootLog.class) {
            try {
                Files.writeString(Path.of(webapp).resolveSibling("jinto-test-boots.tsv"), line,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("IT") || name.endsWith("Test")).findFirst().orElse("?"));
    }
}

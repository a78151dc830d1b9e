package org.jinto.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every message logged in this JVM while open (the test servers' included: they log through java.util.logging),
 * with the exceptions and their causes, so that a test can check what a server logged, or did not.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();

    public CapturedLogs() {
        Logger.getLogger("").addHandler(this);
    }

    public List<String> messages() {
        return messages;
    }

    public boolean anyContains(String text) {
        return messages.stream().anyMatch(m -> m.contains(text));
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(String.valueOf(record.getMessage()));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            messages.add(t.toString());
        }
    }

    @Override
    public void flush() {
        // Kept in memory.
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}

package org.jinto.ops;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.awaitility.core.ConditionTimeoutException;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;

/**
 * Captures the {@code request.summary} log lines of every Jinto server running in this JVM (the servers log
 * through java.util.logging, which is shared), so that a test can find the line of its own request by id.
 */
public final class CapturedRequestLog extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("request.summary");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public CapturedRequestLog() {
        logger.addHandler(this);
    }

    /** The summary of the request with this id; the line is written after the answer, so wait a little for it. */
    public Optional<LogRecord> awaitRecord(String requestId, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> records.stream().filter(r -> fields(r).getString("rid").equals(requestId)).findFirst(),
                            Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    static JsonObject line(LogRecord record) {
        return Json.createReader(new StringReader(record.getMessage())).readObject();
    }

    public static JsonObject fields(LogRecord record) {
        return line(record).getJsonObject("Fields");
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // Records are kept in memory.
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

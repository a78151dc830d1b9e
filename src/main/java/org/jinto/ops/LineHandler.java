package org.jinto.ops;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Writes each log record's message alone on one line of standard output, as twelve-factor log collectors
 * expect; installed on a logger only when the logging configuration gave that logger no handler of its own.
 */
final class LineHandler extends Handler {

    private final PrintStream out;

    private LineHandler(PrintStream out) {
        this.out = out;
        setLevel(Level.ALL);
        setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage();
            }
        });
    }

    /**
     * Sends the logger's records to standard output, once per JVM, unless the logging configuration already
     * routes them somewhere (then that configuration is left alone).
     */
    static synchronized void installOn(Logger logger) {
        if (logger.getHandlers().length > 0) {
            return;
        }
        logger.addHandler(new LineHandler(System.out));
        logger.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            out.println(getFormatter().format(record));
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}

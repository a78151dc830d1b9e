package org.jinto.ops;

import java.io.PrintStream;
import java.nio.charset.Charset;
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
    private final Charset charset;

    private LineHandler(PrintStream out, Charset charset) {
        this.out = out;
        this.charset = charset;
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
        // The charset System.out encodes with (Java 17 has no PrintStream.charset()).
        String console = System.getProperty("sun.stdout.encoding");
        logger.addHandler(new LineHandler(System.out, console == null ? Charset.defaultCharset() : Charset.forName(console)));
        logger.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            // One write of the encoded line: println encodes under the stream's lock and writes standard output
            // through its 128-byte buffer, several system calls per line while every request thread waits.
            byte[] line = (getFormatter().format(record) + System.lineSeparator()).getBytes(charset);
            out.write(line, 0, line.length);
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

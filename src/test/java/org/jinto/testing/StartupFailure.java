package org.jinto.testing;

import org.jinto.launcher.EmbeddedServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Starts a server that must fail to start, and returns the messages of the errors it logged while failing. */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** @throws AssertionError if the server started */
    public static List<String> errorsOf(Map<String, String> settings) {
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    messages.add(String.valueOf(t.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (EmbeddedServer ignored = JintoServer.startPrivate(settings)) {
            throw new AssertionError("The server started with " + settings);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception expected) {
            return messages;
        } finally {
            root.removeHandler(capture);
        }
    }
}

package org.jinto.changes;

import java.io.IOException;

/** Where a subscription's events go (the HTTP layer's Server-Sent Events stream). Used by one thread at a time. */
public interface ChangeSink {

    /** Sends one change: its id (the change's timestamp) and its JSON. */
    void event(long id, String json) throws IOException;

    /** Sends a comment that keeps proxies from closing an idle connection. */
    void heartbeat() throws IOException;

    /** Ends the stream. */
    void close();
}

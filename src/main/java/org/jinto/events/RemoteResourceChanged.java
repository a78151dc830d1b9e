package org.jinto.events;

import org.jinto.api.events.AfterResourceChanged;

/**
 * A change another Jinto node on the same database committed, fired on this node as a CDI event. Consumers that
 * serve this node's clients (change streams, local caches) observe it along with {@link AfterResourceChanged};
 * listeners that deliver events out of the server (Redis, webhooks) do not: the node that made the change delivers it.
 */
public record RemoteResourceChanged(AfterResourceChanged event) {
}

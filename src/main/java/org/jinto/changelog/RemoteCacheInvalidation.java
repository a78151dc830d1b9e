package org.jinto.changelog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.auth.AccountCacheInvalidation;
import org.jinto.events.RemoteResourceChanged;

/**
 * Forgets what this node cached about an object another node changed: the verified password of an account updated
 * or deleted there (with the memory cache each node has its own; with a shared Redis cache this is a no-op repeat).
 */
@ApplicationScoped
public class RemoteCacheInvalidation {

    @Inject
    AccountCacheInvalidation accounts;

    void remoteChanged(@Observes RemoteResourceChanged event) {
        accounts.afterCommit(event.event());
    }
}

package org.jinto.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;

import java.util.List;
import java.util.Objects;

/**
 * Forgets an account's cached credentials when the account is updated (its password may have changed) or
 * deleted, as Kinto's accounts plugin does on {@code ResourceChanged}. Done twice on purpose: inside the
 * transaction, so that a cache that cannot be reached fails the change instead of leaving the old password
 * valid; and after the commit, because a request authenticating in between could re-cache the old password
 * from the not yet committed account.
 */
@ApplicationScoped
public class AccountCacheInvalidation {

    @Inject
    AccountCredentialsCache credentials;

    void beforeCommit(@Observes ResourceChanged event) {
        invalidate(event, event.impactedObjects());
    }

    /** Also called for the changes other nodes commit ({@code org.jinto.changelog.RemoteCacheInvalidation}). */
    public void afterCommit(@Observes AfterResourceChanged event) {
        invalidate(event, event.impactedObjects());
    }

    private void invalidate(ResourceEvent event, List<ImpactedObject> impacted) {
        if (!AccountPolicy.RESOURCE_NAME.equals(event.payload().resourceName())
                || event.payload().action() == Action.CREATE) {
            return;
        }
        impacted.stream()
                .map(ImpactedObject::oldObject)
                .filter(Objects::nonNull)
                .map(old -> old.getString("id", null))
                .filter(Objects::nonNull)
                .forEach(credentials::invalidate);
    }
}

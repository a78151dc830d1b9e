package org.jinto.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jinto.api.events.ChangeNotifier;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceEvent;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the resource engine reports what a request changed or read. Events are collected for the whole request
 * (subrequests of a batch included) and merged per resource, parent and action, then fired as CDI events in two
 * rounds, as Kinto does around its transaction:
 * <ol>
 *   <li>{@link #fireBeforeCommit()} once the request is handled and will commit: {@code ResourceChanged} and
 *       {@code ResourceRead}, then the changes their observers report through {@link ChangeNotifier}. An
 *       observer's exception propagates, so the request fails and rolls back.</li>
 *   <li>{@link #fireAfterCommit()} once the transaction committed: {@code AfterResourceChanged} and
 *       {@code AfterResourceRead}. An observer's exception is logged and the remaining events still fire.</li>
 * </ol>
 * {@code org.jinto.http.ResourceEventsResponseFilter} and {@code org.jinto.http.ResourceEventsFilter} call them.
 */
@RequestScoped
public class EventPublisher implements ChangeNotifier {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());

    @Inject
    ResourceEventFiring events;

    private final PendingEvents pending = new PendingEvents();
    private boolean firedBeforeCommit;

    /**
     * Objects of one resource were created, updated or deleted.
     *
     * @param parentId the URI of their parent, e.g. {@code /buckets/b1/collections/c1} for records
     */
    @Override
    public void changed(String parentId, EventPayload payload, List<ImpactedObject> impacted) {
        pending.changed(parentId, payload, impacted);
    }

    /** Objects of one resource were read. */
    public void read(String parentId, EventPayload payload, List<JsonObject> objects) {
        pending.read(parentId, payload, objects);
    }

    /** Fires the in-transaction events, once per request; an observer's exception propagates. */
    public void fireBeforeCommit() {
        if (firedBeforeCommit) {
            return;
        }
        firedBeforeCommit = true;
        pending.fireBeforeCommit(events::fire);
    }

    /** Fires the after-commit events and forgets them; observers' failures are only logged. */
    public void fireAfterCommit() {
        // Only the events fired in the transaction: the others were raised too late to be part of it.
        List<ResourceEvent> after = pending.afterCommit();
        pending.clear();
        for (ResourceEvent event : after) {
            try {
                events.fire(event);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Unable to notify " + event.getClass().getSimpleName() + " on "
                        + event.payload().uri(), e);
            }
        }
    }

    /** Forgets the events of a request that did not commit. */
    public void discard() {
        pending.clear();
    }

}

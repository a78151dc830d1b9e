package org.jinto.api.events;

import java.util.List;

/**
 * Where a plugin that writes through the storage reports what it changed (Kinto's
 * {@code request.notify_resource_event}), so that the history, the event listeners and the change streams see those
 * changes as they see a request's. The change joins the current request's events: {@link ResourceChanged} observers
 * get it after the events being fired (in a round of its own), the after-commit observers once committed.
 */
public interface ChangeNotifier {

    /**
     * Objects of one resource were created, updated or deleted.
     *
     * @param parentId the URI of their parent, e.g. {@code /buckets/b1/collections/c1} for records
     */
    void changed(String parentId, EventPayload payload, List<ImpactedObject> impacted);
}

package org.jinto.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.auth.Identity;
import org.jinto.reads.ObjectKey;
import org.jinto.reads.Prefetched;
import org.jinto.reads.ReadAhead;
import org.jinto.reads.Reads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ahead, in one go, what a {@code GET} or {@code HEAD} of the engine will ask the backends: the caller's
 * groups, the addressed object and the parents its type checks, the list timestamp, and the ACEs of every object
 * whose permissions can grant the read or appear in the answer. The engine's steps then run in Kinto's order as
 * before, answered from the read-ahead ({@link RequestContext#prefetched()}); what it did not cover (wildcards,
 * objects shared one by one) they still ask the backends.
 */
@ApplicationScoped
public class ReadAheadPlanner {

    @Inject
    Reads reads;
    @Inject
    ResourceTypes types;
    @Inject
    Authorizer authorizer;

    /** Reads ahead for the read request of {@code context} and keeps the answers in it. */
    void prefetch(RequestContext context) {
        Route route = context.route();
        ResourceType type = route.type();
        Identity identity = context.identity();
        String parentId = context.parentId();
        boolean exactParent = !parentId.contains("*");

        List<ObjectKey> objects = new ArrayList<>();
        if (exactParent && !route.plural() && type.idGenerator().matches(route.objectId())) {
            objects.add(new ObjectKey(type.name(), parentId, route.objectId()));
        }
        objects.addAll(type.addressableParents(context));

        String objectUri = authorizer.requirement(context).objectUri();
        Set<String> aclObjects = new LinkedHashSet<>();
        types.permissionTree().inherited(objectUri, "read").stream().map(Map.Entry::getKey).forEach(aclObjects::add);
        aclObjects.add(objectUri.substring(0, Math.max(objectUri.lastIndexOf('/'), 0)));
        if (!route.plural()) {
            aclObjects.add(objectUri);
        }
        aclObjects.removeIf(id -> id.isEmpty() || id.contains("*"));

        ReadAhead request = new ReadAhead(identity.groupsUnknown() ? identity.userId() : null, objects,
                exactParent ? type.name() : null, parentId, List.copyOf(aclObjects));
        Prefetched prefetched = reads.read(request);
        if (prefetched.groups() != null) {
            identity.provideGroups(prefetched.groups());
        }
        context.prefetched(prefetched);
    }
}

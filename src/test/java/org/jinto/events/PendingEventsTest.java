package org.jinto.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;
import org.jinto.api.events.ResourceRead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingEventsTest {

    private static final String C1 = "/buckets/b1/collections/c1";

    private static EventPayload record(Action action, String id, long timestamp) {
        return new EventPayload(timestamp, action, C1 + "/records/" + id, "account:alice", "record",
                Map.of("bucket_id", "b1", "collection_id", "c1", "record_id", id));
    }

    private static JsonObject object(String id) {
        return Json.createObjectBuilder().add("id", id).build();
    }

    @Test
    void mergesEventsOfOneResourceParentAndActionKeepingTheFirstPayload() {
        PendingEvents pending = new PendingEvents();
        pending.changed(C1, record(Action.CREATE, "r1", 10), List.of(ImpactedObject.created(object("r1"))));
        pending.changed(C1, record(Action.CREATE, "r2", 11), List.of(ImpactedObject.created(object("r2"))));

        List<ResourceEvent> events = fire(pending);
        assertEquals(1, events.size());
        ResourceChanged changed = assertInstanceOf(ResourceChanged.class, events.get(0));
        assertEquals(10, changed.payload().timestamp());
        assertEquals("/buckets/b1/collections/c1/records/r1", changed.payload().uri());
        assertEquals(List.of("r1", "r2"),
                changed.impactedObjects().stream().map(i -> i.newObject().getString("id")).toList());
    }

    @Test
    void keepsSeparateEventsPerActionAndParentInFirstAppearanceOrder() {
        PendingEvents pending = new PendingEvents();
        pending.changed(C1, record(Action.CREATE, "r1", 10), List.of(ImpactedObject.created(object("r1"))));
        pending.changed(C1, record(Action.UPDATE, "r1", 11),
                List.of(new ImpactedObject(object("r1"), object("r1"))));
        pending.changed("/buckets/b1/collections/c2", record(Action.CREATE, "r9", 12),
                List.of(ImpactedObject.created(object("r9"))));
        pending.read(C1, record(Action.READ, "r1", 13), List.of(object("r1")));
        pending.changed(C1, record(Action.CREATE, "r2", 14), List.of(ImpactedObject.created(object("r2"))));

        List<ResourceEvent> events = fire(pending);
        assertEquals(List.of(Action.CREATE, Action.UPDATE, Action.CREATE, Action.READ),
                events.stream().map(e -> e.payload().action()).toList());
        assertEquals(2, ((ResourceChanged) events.get(0)).impactedObjects().size());
        assertInstanceOf(ResourceRead.class, events.get(3));
    }

    @Test
    void afterCommitEventsCarryTheSameMergedContent() {
        PendingEvents pending = new PendingEvents();
        pending.changed(C1, record(Action.DELETE, "r1", 10),
                List.of(new ImpactedObject(object("r1"), object("r1"))));
        pending.read(C1, record(Action.READ, "r1", 10), List.of(object("r1"), object("r2")));

        fire(pending);
        List<ResourceEvent> after = pending.afterCommit();
        AfterResourceChanged changed = assertInstanceOf(AfterResourceChanged.class, after.get(0));
        assertEquals(1, changed.impactedObjects().size());
        AfterResourceRead read = assertInstanceOf(AfterResourceRead.class, after.get(1));
        assertEquals(2, read.readObjects().size());

        pending.clear();
        assertTrue(pending.afterCommit().isEmpty());
    }

    @Test
    void changesRaisedWhileFiringFireAfterwardsUnmergedThenMergedOnceCommitted() {
        PendingEvents pending = new PendingEvents();
        pending.changed(C1, record(Action.CREATE, "r1", 10), List.of(ImpactedObject.created(object("r1"))));
        List<ResourceEvent> fired = new ArrayList<>();
        pending.fireBeforeCommit(event -> {
            fired.add(event);
            if (fired.size() == 1) {
                // An observer of the first event writes another record of the same collection.
                pending.changed(C1, record(Action.CREATE, "r2", 11), List.of(ImpactedObject.created(object("r2"))));
            }
        });

        assertEquals(2, fired.size());
        assertEquals(List.of("r2"), ((ResourceChanged) fired.get(1)).impactedObjects().stream()
                .map(i -> i.newObject().getString("id")).toList());
        List<ResourceEvent> after = pending.afterCommit();
        assertEquals(1, after.size());
        assertEquals(2, ((AfterResourceChanged) after.get(0)).impactedObjects().size());
    }

    @Test
    void eventsNeverFiredInTheTransactionAreNotFiredAfterCommit() {
        PendingEvents pending = new PendingEvents();
        pending.changed(C1, record(Action.CREATE, "r1", 10), List.of(ImpactedObject.created(object("r1"))));
        assertTrue(pending.afterCommit().isEmpty());
    }

    private static List<ResourceEvent> fire(PendingEvents pending) {
        List<ResourceEvent> fired = new ArrayList<>();
        pending.fireBeforeCommit(fired::add);
        return fired;
    }

    @Test
    void rejectsAMismatchedAction() {
        PendingEvents pending = new PendingEvents();
        assertThrows(IllegalArgumentException.class, () -> pending.changed(C1, record(Action.READ, "r1", 1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> pending.read(C1, record(Action.CREATE, "r1", 1), List.of()));
    }

    @Test
    void payloadSerializesAsKinto() {
        JsonObject json = record(Action.CREATE, "r1", 10).toJson();
        assertEquals("create", json.getString("action"));
        assertEquals("account:alice", json.getString("user_id"));
        assertEquals("r1", json.getString("record_id"));
        assertEquals("{\"new\":{\"id\":\"r1\"}}", ImpactedObject.created(object("r1")).toJson().toString());
    }
}

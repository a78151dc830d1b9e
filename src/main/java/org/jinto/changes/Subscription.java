package org.jinto.changes;

import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.auth.Identity;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscriber: its scope and principals, and a queue of at most {@code capacity} events between the changes and
 * its connection. While the missed changes are replayed, live ones wait; then those the replay already sent (a
 * timestamp not above the replay's last one on their timeline) are skipped. A full queue (a subscriber reading
 * slower than changes come) ends the subscription: it resumes with {@code Last-Event-ID}. Events are written by
 * one task at a time on the delivery executor, so that idle subscribers hold no thread.
 */
final class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class.getName());

    /** What ends a subscription, for the metrics and the registry. */
    interface Ending {
        void ended(Subscription subscription, boolean tooSlow);
    }

    private enum State { REPLAYING, LIVE, ENDED }

    private final ChangeScope scope;
    private final Identity identity;
    /** Whether the subscriber could read the scope's object itself when it subscribed (then losing it ends it). */
    private final boolean readsScope;
    private final ChangeSink sink;
    private final int capacity;
    private final Executor delivery;
    private final Ending ending;
    private final Runnable delivered;

    /** The replayed changes, sent before the queue (not bounded by it: the replay's size is the storage's). */
    private final Queue<ChangeEvent> replay = new ArrayDeque<>();
    private final Queue<ChangeEvent> queue = new ArrayDeque<>();
    private final Map<String, Long> replayed = new HashMap<>();
    private State state = State.REPLAYING;
    private boolean draining;

    Subscription(ChangeScope scope, Identity identity, boolean readsScope, ChangeSink sink, int capacity,
                 Executor delivery, Ending ending, Runnable delivered) {
        this.scope = scope;
        this.identity = identity;
        this.readsScope = readsScope;
        this.sink = sink;
        this.capacity = capacity;
        this.delivery = delivery;
        this.ending = ending;
        this.delivered = delivered;
    }

    /**
     * Goes live after the replay: an opening comment (the answer's headers leave at once) and the missed changes are
     * sent first, then the live ones held meanwhile that the replay did not already send.
     */
    synchronized void start(List<ChangeEvent> missed) {
        if (state != State.REPLAYING) {
            return;
        }
        replay.add(ChangeEvent.HEARTBEAT);
        for (ChangeEvent event : missed) {
            replay.add(event);
            replayed.merge(event.timeline(), event.timestamp(), Math::max);
        }
        state = State.LIVE;
        queue.removeIf(this::alreadySent);
        scheduleDrain();
    }

    /** Queues the part of a committed change this subscriber may read; ends it if it lost the scope. */
    void offer(AfterResourceChanged change, ReadChecks checks, Function<List<ImpactedObject>, ChangeEvent> render) {
        EventPayload payload = change.payload();
        if (!scope.covers(payload)) {
            return;
        }
        List<ImpactedObject> readable = change.impactedObjects().stream()
                .filter(object -> checks.mayRead(identity.principals(), objectUri(payload.uri(), object)))
                .toList();
        if (!readable.isEmpty()) {
            enqueue(render.apply(readable));
        }
        if (readsScope && scope.dependsOn(payload.uri())
                && !checks.mayRead(identity.principals(), scope.objectUri().orElseThrow())) {
            end(false);
        }
    }

    /** Queues a heartbeat unless the subscriber has changes waiting (which do as well). */
    synchronized void heartbeat() {
        if (state == State.LIVE && queue.isEmpty()) {
            queue.add(ChangeEvent.HEARTBEAT);
            scheduleDrain();
        }
    }

    /** Ends the subscription: the queue is dropped now, the stream closed by the delivery executor. */
    void end(boolean tooSlow) {
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            replay.clear();
            queue.clear();
            scheduleDrain();
        }
        ending.ended(this, tooSlow);
    }

    private void enqueue(ChangeEvent event) {
        synchronized (this) {
            if (state == State.ENDED || state == State.LIVE && alreadySent(event)) {
                return;
            }
            if (queue.size() < capacity) {
                queue.add(event);
                if (state == State.LIVE) {
                    scheduleDrain();
                }
                return;
            }
        }
        end(true);
    }

    private boolean alreadySent(ChangeEvent event) {
        Long last = replayed.get(event.timeline());
        return last != null && event.timestamp() <= last;
    }

    private void scheduleDrain() {
        if (!draining) {
            draining = true;
            delivery.execute(this::drain);
        }
    }

    /** Writes the queued events; the task that finds the subscription ended closes the stream. */
    private void drain() {
        ChangeEvent event;
        while ((event = next()) != null) {
            try {
                if (event == ChangeEvent.HEARTBEAT) {
                    sink.heartbeat();
                } else {
                    sink.event(event.timestamp(), event.json());
                    delivered.run();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Change stream closed by its subscriber", e);
                end(false);
            }
        }
    }

    /** The next event to write, or null when there is none (the drain ends; a stream ended is closed first). */
    private ChangeEvent next() {
        boolean close;
        synchronized (this) {
            ChangeEvent event = replay.isEmpty() ? queue.poll() : replay.poll();
            if (event != null) {
                return event;
            }
            draining = false;
            close = state == State.ENDED;
        }
        if (close) {
            sink.close();
        }
        return null;
    }

    /** The URI of an impacted object: the event's own, or below the plural endpoint the event names. */
    private static String objectUri(String eventUri, ImpactedObject object) {
        return ChangeEvent.plural(eventUri) ? eventUri + "/" + object.newObject().getString("id") : eventUri;
    }
}

package org.jinto.changes;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;

import java.util.List;

import static org.jinto.api.Jsonp.JSON;

/**
 * One change as a subscriber receives it: Kinto's event JSON (the payload's fields and {@code impacted_objects}),
 * its timestamp (the stream's event id), and the plural endpoint whose timestamps it follows.
 *
 * @param timestamp the change's timestamp, strictly increasing per {@code timeline}
 * @param timeline  the plural endpoint of the changed objects, e.g. {@code /buckets/b/collections/c/records}
 * @param json      the event as Kinto's listeners receive it, impacted objects limited to the readable ones
 */
record ChangeEvent(long timestamp, String timeline, String json) {

    /** Not a change: the heartbeat's place in a subscriber's queue. */
    static final ChangeEvent HEARTBEAT = new ChangeEvent(-1, "", "");

    static ChangeEvent of(EventPayload payload, List<ImpactedObject> impacted) {
        JsonObjectBuilder json = JSON.createObjectBuilder(payload.toJson());
        JsonArrayBuilder objects = JSON.createArrayBuilder();
        impacted.forEach(object -> objects.add(object.toJson()));
        json.add("impacted_objects", objects);
        return new ChangeEvent(payload.timestamp(), timeline(payload.uri()), json.build().toString());
    }

    /** The plural endpoint of a URI: itself for a plural one ({@code /buckets}), else its parent. */
    static String timeline(String uri) {
        return plural(uri) ? uri : uri.substring(0, uri.lastIndexOf('/'));
    }

    /** An object URI has pairs of segments ({@code /buckets/b}), a plural one an odd count ({@code /buckets}). */
    static boolean plural(String uri) {
        return uri.substring(1).split("/", -1).length % 2 == 1;
    }
}

package org.jinto.events;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.events.Action;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceChanged;
import org.jinto.api.events.ResourceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event as one JSON object: the payload's fields plus {@code impacted_objects} ({@code [{"old", "new"}]}) or
 * {@code read_objects}. The webhook listener sends it; the change log stores changes so and {@link #change} reads
 * them back.
 */
public final class EventJson {

    private static final Set<String> PAYLOAD_FIELDS = Set.of("timestamp", "action", "uri", "user_id", "resource_name");

    private EventJson() {
    }

    public static JsonObject of(ResourceEvent event) {
        JsonObjectBuilder json = JSON.createObjectBuilder(event.payload().toJson());
        if (event instanceof AfterResourceChanged changed) {
            json.add("impacted_objects", impacted(changed.impactedObjects()));
        } else if (event instanceof ResourceChanged changed) {
            json.add("impacted_objects", impacted(changed.impactedObjects()));
        } else if (event instanceof AfterResourceRead read) {
            json.add("read_objects", JSON.createArrayBuilder(read.readObjects()));
        }
        return json.build();
    }

    private static JsonArrayBuilder impacted(List<ImpactedObject> objects) {
        JsonArrayBuilder impacted = JSON.createArrayBuilder();
        objects.stream().map(ImpactedObject::toJson).forEach(impacted::add);
        return impacted;
    }

    /** The change written by {@link #of}: the payload's ids are its other fields, in their order. */
    public static AfterResourceChanged change(JsonObject json) {
        Map<String, String> ids = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            if (!PAYLOAD_FIELDS.contains(key) && !"impacted_objects".equals(key)) {
                ids.put(key, json.getString(key));
            }
        });
        EventPayload payload = new EventPayload(json.getJsonNumber("timestamp").longValue(),
                Action.fromValue(json.getString("action")), json.getString("uri"),
                json.isNull("user_id") ? null : json.getString("user_id"), json.getString("resource_name"), ids);
        List<ImpactedObject> impacted = json.getJsonArray("impacted_objects").getValuesAs(JsonObject.class).stream()
                .map(o -> new ImpactedObject(o.containsKey("old") ? o.getJsonObject("old") : null, o.getJsonObject("new")))
                .toList();
        return new AfterResourceChanged(payload, impacted);
    }
}

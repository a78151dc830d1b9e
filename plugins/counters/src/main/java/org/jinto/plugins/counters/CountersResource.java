package org.jinto.plugins.counters;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.storage.ObjectCounts;
import org.jinto.api.storage.Storage;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/__counters__} (anyone): how many live objects and tombstones are stored per resource,
 * {@code {"objects": {"record": 12}, "tombstones": {"record": 1}}}, counted on each request as Kinto does, for
 * Kinto's resource names only and leaving out zeros; 404 while the plugin is disabled.
 */
@Path("__counters__")
@RequestScoped
public class CountersResource implements OptionalEndpoint {

    /** The resources Kinto's plugin counts. */
    static final List<String> RESOURCES = List.of("account", "bucket", "group", "collection", "record", "history",
            "attachments");

    @Inject
    CountersPlugin plugin;
    @Inject
    Storage storage;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Shows objects statistics.", nickname = "get_counters", tags = "Counters")
    @ApiResponses(@ApiResponse(code = 200, message = "Objects and tombstones stored, per resource."))
    public String counters() {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        Map<String, ObjectCounts> counts = storage.countPerResource();
        JsonObjectBuilder objects = JSON.createObjectBuilder();
        JsonObjectBuilder tombstones = JSON.createObjectBuilder();
        for (String resource : RESOURCES) {
            ObjectCounts count = counts.getOrDefault(resource, ObjectCounts.NONE);
            if (count.objects() > 0) {
                objects.add(resource, count.objects());
            }
            if (count.tombstones() > 0) {
                tombstones.add(resource, count.tombstones());
            }
        }
        return JSON.createObjectBuilder().add("objects", objects).add("tombstones", tombstones).build().toString();
    }
}

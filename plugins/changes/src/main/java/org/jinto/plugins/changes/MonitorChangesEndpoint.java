package org.jinto.plugins.changes;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/buckets/monitor/collections/changes/records}: the virtual, publicly readable list of the watched
 * collections' timestamps, newest first, filtered by {@code _since}, {@code bucket}, {@code collection}, as
 * kinto-changes serves it to Remote Settings clients. A matching {@code If-None-Match} gets an empty list (200, not
 * 304, which CDNs do not cache).
 */
@Path("buckets/monitor/collections/changes/records")
@RequestScoped
public class MonitorChangesEndpoint implements OptionalEndpoint {

    @Inject
    ChangesPlugin plugin;
    @Inject
    MonitoredCollections monitored;
    @Inject
    Settings settings;
    @Context
    UriInfo uriInfo;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Timestamps of the watched collections.", nickname = "get_changes", tags = "Changes")
    @ApiResponses(@ApiResponse(code = 200, message = "One entry per watched collection, newest first."))
    public Response list(@QueryParam("_since") String since, @QueryParam("_expected") String expected,
                         @QueryParam("_limit") String limit, @QueryParam("bucket") String bucket,
                         @QueryParam("collection") String collection,
                         @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        ChangesQuery query = new ChangesQuery(settings);
        Optional<Response> shortcut = query.shortcut(since, expected, uriInfo.getRequestUri());
        if (shortcut.isPresent()) {
            return shortcut.get();
        }
        Optional<Long> sinceValue = ChangesQuery.timestamp("_since", since);
        List<JsonObject> entries = monitored.entries();
        long timestamp = entries.stream().mapToLong(e -> e.getJsonNumber("last_modified").longValue()).max()
                .orElse(System.currentTimeMillis());
        List<JsonObject> selected = ("\"" + timestamp + "\"").equals(ifNoneMatch) ? List.of()
                : ChangesQuery.select(entries, sinceValue, bucket, collection, query.limit(limit));
        String body = JSON.createObjectBuilder().add("data", JSON.createArrayBuilder(selected)).build().toString();
        return query.headers(Response.ok(body).header("ETag", "\"" + timestamp + "\""), timestamp, "monitor",
                "changes", expected).build();
    }
}

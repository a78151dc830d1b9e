package org.jinto.plugins.history;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jinto.api.auth.Authorization;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinto's (≥ 23.3) {@code GET /buckets/{bid}/snapshot/collections/{cid}@{timestamp}}: the collection's records as
 * they were at that timestamp, newest first, rebuilt from the live records and the history entries, for whoever
 * may read the collection. Records changed since are rolled back to their newest entry at or before the
 * timestamp; those created since are left out.
 */
@Path("buckets/{bucket_id}/snapshot/collections/{collection_id}@{timestamp}")
@RequestScoped
public class SnapshotEndpoint implements OptionalEndpoint {

    @Inject
    HistoryPlugin plugin;
    @Inject
    Storage storage;
    @Inject
    Authorization authorization;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Reconstruct collection at given timestamp", nickname = "history_snapshot",
            tags = "History")
    @ApiResponses({@ApiResponse(code = 200, message = "Returns the records at the given timestamp."),
            @ApiResponse(code = 401, message = "The collection is not publicly readable."),
            @ApiResponse(code = 403, message = "No permission to read this collection.")})
    public String snapshot(@PathParam("bucket_id") String bucketId, @PathParam("collection_id") String collectionId,
                           @PathParam("timestamp") String timestampText,
                           @HeaderParam("Authorization") String authorizationHeader) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        long timestamp = timestamp(timestampText);
        String bucketUri = "/buckets/" + bucketId;
        String collectionUri = bucketUri + "/collections/" + collectionId;
        authorization.require(authorizationHeader, "collection", collectionUri, "read");

        List<JsonObject> all = storage.listAll("record", collectionUri,
                new Query(List.of(), List.of(), List.of(), null, true));
        List<JsonObject> records = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        for (JsonObject record : all) {
            if (lastModified(record) > timestamp) {
                changedIds.add(record.getString("id"));
            } else if (!record.getBoolean("deleted", false)) {
                records.add(record);
            }
        }
        if (!changedIds.isEmpty()) {
            records.addAll(versionsBefore(bucketUri, collectionId, changedIds, timestamp));
        }
        records.sort(Comparator.comparingLong(SnapshotEndpoint::lastModified).reversed());
        return JSON.createObjectBuilder().add("data", JSON.createArrayBuilder(records)).build().toString();
    }

    /** Kinto routes only GET here: other methods answer 405 (rather than the resource API's 404). */
    @PUT
    @ApiOperation(value = "", hidden = true)
    public String put() {
        throw onlyGet();
    }

    @PATCH
    @ApiOperation(value = "", hidden = true)
    public String patch() {
        throw onlyGet();
    }

    @POST
    @ApiOperation(value = "", hidden = true)
    public String post() {
        throw onlyGet();
    }

    @DELETE
    @ApiOperation(value = "", hidden = true)
    public String delete() {
        throw onlyGet();
    }

    private static KintoException onlyGet() {
        return new KintoException(405, Errno.METHOD_NOT_ALLOWED, "Method Not Allowed",
                "Method not allowed on this endpoint.", null, Map.of("Allow", "GET, HEAD"));
    }

    /** The newest version at or before the timestamp of each record changed since, from the history entries. */
    private List<JsonObject> versionsBefore(String bucketUri, String collectionId, List<String> recordIds,
                                            long timestamp) {
        List<JsonObject> newestFirst = storage.listAll(HistoryListener.RESOURCE, bucketUri, new Query(List.of(
                new Filter("resource_name", JSON.createValue("record"), Operator.EQ),
                new Filter("collection_id", JSON.createValue(collectionId), Operator.EQ),
                new Filter("record_id", JSON.createArrayBuilder(recordIds).build(), Operator.IN),
                new Filter("target.data.last_modified", JSON.createValue(timestamp), Operator.MAX)),
                List.of(new Sort("last_modified", -1)), List.of(), null, false));
        Map<String, JsonObject> newest = new LinkedHashMap<>();
        for (JsonObject entry : newestFirst) {
            newest.putIfAbsent(entry.getString("record_id"), entry.getJsonObject("target").getJsonObject("data"));
        }
        return List.copyOf(newest.values());
    }

    /** Kinto's validator: a non-negative integer, else 400 on the path's {@code timestamp}. */
    private static long timestamp(String text) {
        try {
            BigInteger value = new BigInteger(text);
            if (value.signum() >= 0) {
                return value.bitLength() < Long.SIZE ? value.longValue() : Long.MAX_VALUE;
            }
        } catch (NumberFormatException notAnInteger) {
            // Answered below.
        }
        String description = "Invalid timestamp '" + text + "'";
        throw new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters", description,
                JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("location", "path")
                        .add("name", "timestamp").add("description", description)).build(), null);
    }

    private static long lastModified(JsonObject object) {
        return object.getJsonNumber("last_modified").longValue();
    }
}

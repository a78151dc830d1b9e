package org.jinto.plugins.changes;

import static org.jinto.api.Jsonp.JSON;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jinto.api.Settings;
import org.jinto.api.auth.Authorization;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;
import org.jinto.api.storage.Filter;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.api.storage.Operator;
import org.jinto.api.storage.Query;
import org.jinto.api.storage.Sort;
import org.jinto.api.storage.Storage;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Remote Settings' {@code GET /v1/buckets/{bid}/collections/{cid}/changeset?_expected=<ts>[&_since=<ts>]}: the
 * collection's metadata, its records changed since {@code _since} (tombstones included then), newest first, and the
 * records timestamp, in one answer readable by whoever may read the collection. On {@code monitor/changes} it
 * serves the monitor entries the same way, to anyone.
 */
@Path("buckets/{bucket_id}/collections/{collection_id}/changeset")
@RequestScoped
public class ChangesetEndpoint implements OptionalEndpoint {

    @Inject
    ChangesPlugin plugin;
    @Inject
    MonitoredCollections monitored;
    @Inject
    Settings settings;
    @Inject
    Storage storage;
    @Inject
    Authorization authorization;
    @Context
    UriInfo uriInfo;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiOperation(value = "Metadata, changes and timestamp of a collection.", nickname = "collection-changeset",
            tags = "Changes")
    @ApiResponses(@ApiResponse(code = 200, message = "{metadata, changes, timestamp}."))
    public Response changeset(@PathParam("bucket_id") String bucketId, @PathParam("collection_id") String collectionId,
                              @QueryParam("_since") String since, @QueryParam("_expected") String expected,
                              @QueryParam("_limit") String limit, @QueryParam("bucket") String bucket,
                              @QueryParam("collection") String collection,
                              @HeaderParam("Authorization") String authorizationHeader) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        if (expected == null) {
            throw ChangesQuery.invalid("_expected", "Required");
        }
        ChangesQuery query = new ChangesQuery(settings);
        Optional<Long> sinceValue = ChangesQuery.timestamp("_since", since);
        int max = query.limit(limit);
        if (bucketId.equals("monitor") && collectionId.equals("changes")) {
            Optional<Response> shortcut = expected.contains("\"")
                    ? Optional.of(unquotedRedirect(query, expected))
                    : query.shortcut(since, expected, uriInfo.getRequestUri());
            if (shortcut.isPresent()) {
                return shortcut.get();
            }
            List<JsonObject> entries = monitored.entries();
            long timestamp = entries.stream().mapToLong(e -> e.getJsonNumber("last_modified").longValue()).max()
                    .orElse(System.currentTimeMillis());
            List<JsonObject> changes = ChangesQuery.select(entries, sinceValue, bucket, collection, max);
            return answer(query, JsonValue.EMPTY_JSON_OBJECT, bucketId, collectionId, changes, timestamp, timestamp,
                    expected);
        }
        String bucketUri = "/buckets/" + bucketId;
        String collectionUri = bucketUri + "/collections/" + collectionId;
        authorization.require(authorizationHeader, "collection", collectionUri, "read");
        JsonObject metadata;
        try {
            metadata = storage.get("collection", bucketUri, collectionId);
        } catch (ObjectNotFoundException e) {
            throw KintoException.notFound();
        }
        List<Filter> filters = sinceValue.map(value -> List.of(new Filter("last_modified", JSON.createValue(value),
                Operator.GT))).orElse(List.of());
        List<JsonObject> changes = storage.listAll("record", collectionUri, new Query(filters,
                List.of(new Sort("last_modified", -1)), List.of(), max, sinceValue.isPresent()));
        long timestamp = storage.resourceTimestamp("record", collectionUri);
        // The metadata's timestamp moves when the signature is refreshed: CDNs revalidate on it.
        return answer(query, metadata, bucketId, collectionId, changes, timestamp,
                metadata.getJsonNumber("last_modified").longValue(), expected);
    }

    private Response answer(ChangesQuery query, JsonObject metadata, String bucketId, String collectionId,
                            List<JsonObject> changes, long timestamp, long lastModified, String expected) {
        String body = JSON.createObjectBuilder()
                .add("metadata", JSON.createObjectBuilder(metadata).add("bucket", bucketId))
                .add("changes", JSON.createArrayBuilder(changes))
                .add("timestamp", timestamp)
                .build().toString();
        return query.headers(Response.ok(body), lastModified, bucketId, collectionId, expected).build();
    }

    /** Quoted {@code _expected} values are redirected to the unquoted one, for the caches' sake. */
    private Response unquotedRedirect(ChangesQuery query, String expected) {
        URI request = uriInfo.getRequestUri();
        URI location = uriInfo.getRequestUriBuilder().replaceQueryParam("_expected", expected.replace("\"", ""))
                .build();
        return Response.temporaryRedirect(URI.create(query.hostUri(request) + location.getRawPath() + "?"
                + location.getRawQuery())).build();
    }
}

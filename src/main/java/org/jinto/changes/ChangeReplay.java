package org.jinto.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.events.Action;
import org.jinto.api.events.EventPayload;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.http.KintoException;
import org.jinto.auth.Identity;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.ApiResponse;
import org.jinto.resource.ApiRouter;
import org.jinto.resource.query.QueryString;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a scope through the resource API as its subscriber would: whether the subscriber may read it (Kinto's
 * answer to reading its listing), and what changed since a timestamp (the listings' {@code _since}, tombstones
 * included). Storage keeps no old versions and no creation marks: a replayed change is an {@code update} (or a
 * {@code delete} for a tombstone) with the new object only, and without {@code user_id}.
 */
@ApplicationScoped
class ChangeReplay {

    @Inject
    ApiRouter router;

    /** Throws Kinto's error (401, 403, 404...) unless the subscriber may read the scope's listing. */
    void authorize(ChangeScope scope, Identity identity, String baseUrl) {
        ApiResponse answer = router.handle(get(scope.listingUri(), "_limit=1", identity, baseUrl));
        if (answer.status() >= 400) {
            throw asException(answer);
        }
    }

    /** The scope's changes after {@code since} that the subscriber may read, oldest first. */
    List<ChangeEvent> since(ChangeScope scope, long since, Identity identity, String baseUrl) {
        Reader reader = new Reader(since, identity, baseUrl);
        if (scope.bucketId() == null) {
            reader.everything();
        } else if (scope.collectionId() == null) {
            reader.bucket(scope.objectUri().orElseThrow());
        } else {
            reader.changes(scope.listingUri());
        }
        reader.events.sort(Comparator.comparingLong(ChangeEvent::timestamp));
        return reader.events;
    }

    /** One replay: walks the scope's listings, collecting their changes. */
    private final class Reader {
        private final long since;
        private final Identity identity;
        private final String baseUrl;
        private final List<ChangeEvent> events = new ArrayList<>();

        Reader(long since, Identity identity, String baseUrl) {
            this.since = since;
            this.identity = identity;
            this.baseUrl = baseUrl;
        }

        void everything() {
            changes("/buckets");
            ids("/buckets").forEach(id -> bucket("/buckets/" + id));
        }

        void bucket(String bucketUri) {
            changes(bucketUri + "/groups");
            changes(bucketUri + "/collections");
            ids(bucketUri + "/collections").forEach(id -> changes(bucketUri + "/collections/" + id + "/records"));
        }

        /** The changes of one listing after {@code since}; nothing if the subscriber may not read it. */
        void changes(String listingUri) {
            for (JsonObject object : all(listingUri, "_since=" + since + "&_sort=last_modified")) {
                boolean deleted = object.getBoolean("deleted", false);
                long timestamp = object.getJsonNumber("last_modified").longValue();
                EventPayload payload = EventPayload.ofObject(timestamp, deleted ? Action.DELETE : Action.UPDATE,
                        listingUri + "/" + object.getString("id"), null);
                events.add(ChangeEvent.of(payload, List.of(ImpactedObject.created(object))));
            }
        }

        private List<String> ids(String listingUri) {
            return all(listingUri, "_fields=id").stream().map(object -> object.getString("id")).toList();
        }

        /** Every page of a listing the subscriber may read (none if refused or gone). */
        private List<JsonObject> all(String listingUri, String query) {
            List<JsonObject> objects = new ArrayList<>();
            ApiRequest request = get(listingUri, query, identity, baseUrl);
            while (request != null) {
                ApiResponse page = router.handle(request);
                if (page.status() != 200) {
                    return objects;
                }
                page.body().asJsonObject().getJsonArray("data").getValuesAs(JsonObject.class).forEach(objects::add);
                String next = page.headers().get("Next-Page");
                request = next == null ? null : get(listingUri, URI.create(next).getRawQuery(), identity, baseUrl);
            }
            return objects;
        }
    }

    private static ApiRequest get(String path, String rawQuery, Identity identity, String baseUrl) {
        return new ApiRequest("GET", path, QueryString.parse(rawQuery), Map.of(), null, identity, baseUrl);
    }

    /** An error answer of the resource API as the exception the HTTP layer answers the same way. */
    private static KintoException asException(ApiResponse answer) {
        JsonObject body = answer.body().asJsonObject();
        Map<String, String> headers = answer.headers().entrySet().stream()
                .filter(header -> !header.getKey().startsWith("Access-Control-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new KintoException(answer.status(), answer.errno(), body.getString("error"),
                body.getString("message", null), body.get("details") == JsonValue.NULL ? null : body.get("details"),
                headers);
    }
}

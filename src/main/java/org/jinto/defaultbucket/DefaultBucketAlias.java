package org.jinto.defaultbucket;

import static org.jinto.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.json.JsonText;
import org.jinto.api.Settings;
import org.jinto.errors.KintoErrors;
import org.jinto.resource.ApiAlias;
import org.jinto.resource.ApiRequest;
import org.jinto.resource.Authorizer;
import org.jinto.resource.ResourceEngine;
import org.jinto.resource.ResourceTypes;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kinto's {@code default_bucket} view: {@code /buckets/default} and every path below it stand for the caller's
 * personal bucket. Before the request is routed there, the bucket and the addressed collection are created if
 * missing (unless the request itself creates them with {@code PUT}), so that a first write anywhere in the
 * default bucket just works, in batches too. Anonymous callers get a 401.
 */
@ApplicationScoped
public class DefaultBucketAlias implements ApiAlias {

    private static final String PREFIX = "/buckets/default";
    private static final String COLLECTIONS = "/collections/";

    @Inject
    DefaultBucket defaultBucket;
    @Inject
    Settings settings;
    @Inject
    Authorizer authorizer;
    @Inject
    ResourceTypes types;
    @Inject
    ResourceEngine engine;

    @Override
    public ApiRequest resolve(ApiRequest request) {
        String path = request.path();
        // A preflight needs no bucket: /buckets/default has the methods of any bucket path.
        if (!covers(path) || !defaultBucket.enabled() || "OPTIONS".equals(request.method())) {
            return request;
        }
        if (!request.identity().authenticated()) {
            throw authorizer.unauthorized();
        }
        if (settings.getBoolean("kinto.readonly", false)) {
            throw KintoErrors.methodNotAllowed(Set.of());
        }
        String bucketId = defaultBucket.bucketId(request.identity().userId());
        String bucketUri = "/buckets/" + bucketId;
        String resolvedPath = bucketUri + path.substring(PREFIX.length());
        boolean put = "PUT".equals(request.method());
        if (!(put && resolvedPath.equals(bucketUri))) {
            createIfMissing(request, bucketUri);
        }
        if (resolvedPath.startsWith(bucketUri + COLLECTIONS)) {
            String collectionId = resolvedPath.substring((bucketUri + COLLECTIONS).length()).split("/", -1)[0];
            String collectionUri = bucketUri + COLLECTIONS + collectionId;
            if (!(put && resolvedPath.equals(collectionUri))) {
                createIfMissing(request, collectionUri);
            }
        }
        return withBody(request, resolvedPath, bucketId);
    }

    @Override
    public boolean covers(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    private void createIfMissing(ApiRequest request, String uri) {
        engine.createIfMissing(request, types.route(uri).orElseThrow());
    }

    /**
     * The request on the personal bucket. As Kinto's subrequest, a posted {@code data.id} has {@code default}
     * replaced by the bucket id, and an empty body becomes {@code {"data": {}}}; a rewritten body is sent as JSON.
     */
    private static ApiRequest withBody(ApiRequest request, String path, String bucketId) {
        JsonObject rewritten = request.hasBody() ? withBucketId(request.body(), bucketId)
                : JSON.createObjectBuilder().add("data", JsonValue.EMPTY_JSON_OBJECT).build();
        if (rewritten == null) {
            return request.withPath(path);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.remove("Content-Length");
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new ApiRequest(request.method(), path, request.query(), headers,
                rewritten.toString().getBytes(StandardCharsets.UTF_8), request.identity(), request.baseUrl());
    }

    /** The body with its {@code data.id} string rewritten, or null when it is not JSON or has no such id. */
    private static JsonObject withBucketId(byte[] body, String bucketId) {
        JsonValue json;
        try {
            json = JsonText.read(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (json instanceof JsonObject object && object.get("data") instanceof JsonObject data
                && data.get("id") instanceof JsonString id) {
            return JSON.createObjectBuilder(object)
                    .add("data", JSON.createObjectBuilder(data).add("id", id.getString().replace("default", bucketId)))
                    .build();
        }
        return null;
    }
}

package org.jinto.http.batch;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.body.ColanderMessages;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;
import org.jinto.resource.errors.Python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /v1/batch}, read as Kinto's {@code BatchPayloadSchema} (colander) reads it: the
 * {@code defaults} are merged into every request first (recursively, without overwriting), then each part is
 * checked, every problem reported with colander's message under its dotted name ({@code requests.0.method}).
 * Unknown keys in a mapping replace the other problems of that mapping, as colander raises them last.
 */
final class BatchPayload {

    static final List<String> METHODS = List.of("GET", "HEAD", "DELETE", "TRACE", "POST", "PUT", "PATCH");
    private static final Set<String> REQUEST_KEYS = Set.of("method", "path", "headers", "body");
    private static final String LOCATION = "body";

    private final List<ErrorDetail> errors = new ArrayList<>();

    private BatchPayload() {
    }

    /** @throws org.jinto.api.http.KintoException 400 errno 107 as Kinto */
    static List<Subrequest> parse(JsonValue body) {
        return new BatchPayload().read(body);
    }

    private List<Subrequest> read(JsonValue body) {
        if (!(body instanceof JsonObject root)) {
            throw InvalidParameters.of(LOCATION, "", ColanderMessages.notAMapping(body));
        }
        JsonObject payload = withDefaults(root);
        JsonValue defaults = payload.get("defaults");
        if (defaults != null) {
            request(defaults, "defaults", false);
        }
        List<Subrequest> requests = requests(payload.get("requests"));
        JsonObject unknown = without(payload, Set.of("defaults", "requests"));
        if (!unknown.isEmpty()) {
            throw InvalidParameters.of(LOCATION, "", ColanderMessages.unrecognizedKeys(unknown));
        }
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        return requests;
    }

    private List<Subrequest> requests(JsonValue value) {
        if (value == null) {
            errors.add(ErrorDetail.of(LOCATION, "requests", ColanderMessages.REQUIRED));
            return List.of();
        }
        if (!(value instanceof JsonArray items)) {
            errors.add(ErrorDetail.of(LOCATION, "requests", ColanderMessages.notIterable(value)));
            return List.of();
        }
        List<Subrequest> requests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Subrequest request = request(items.get(i), "requests." + i, true);
            if (request != null) {
                requests.add(request);
            }
        }
        return requests;
    }

    /** One request (or the defaults, whose path is optional); null when invalid. */
    private Subrequest request(JsonValue value, String name, boolean pathRequired) {
        if (!(value instanceof JsonObject object)) {
            errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.notAMapping(value)));
            return null;
        }
        JsonObject unknown = without(object, REQUEST_KEYS);
        if (!unknown.isEmpty()) {
            errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.unrecognizedKeys(unknown)));
            return null;
        }
        int before = errors.size();
        String method = method(object.get("method"), name + ".method");
        String path = path(object.get("path"), name + ".path", pathRequired);
        Map<String, String> headers = headers(object.get("headers"), name + ".headers");
        JsonObject body = mapping(object.get("body"), name + ".body");
        return errors.size() > before ? null : new Subrequest(method == null ? "GET" : method, path, headers, body);
    }

    private String method(JsonValue value, String name) {
        if (!Python.truthy(value)) {
            return null;
        }
        String method = string(value, name, "method");
        if (method != null && !METHODS.contains(method)) {
            errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.notOneOf(method, METHODS)));
        }
        return method;
    }

    private String path(JsonValue value, String name, boolean required) {
        if (!Python.truthy(value)) {
            if (required) {
                errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.REQUIRED));
            }
            return null;
        }
        String path = string(value, name, "path");
        if (path != null && !path.startsWith("/")) {
            errors.add(ErrorDetail.of(LOCATION, name, "String does not match expected pattern"));
        }
        return path;
    }

    private Map<String, String> headers(JsonValue value, String name) {
        JsonObject headers = mapping(value, name);
        if (headers == null) {
            return null;
        }
        if (headers.values().stream().anyMatch(v -> !(v instanceof JsonString))) {
            errors.add(ErrorDetail.of(LOCATION, name, Python.str(headers) + " contains non string value"));
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((header, text) -> result.put(header, ((JsonString) text).getString()));
        return result;
    }

    private JsonObject mapping(JsonValue value, String name) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.notAMapping(value)));
            return null;
        }
        return object;
    }

    /** Colander's String for a present (truthy) value: non-strings are refused. */
    private String string(JsonValue value, String name, String nodeName) {
        if (!(value instanceof JsonString text)) {
            errors.add(ErrorDetail.of(LOCATION, name, ColanderMessages.notAString(value, nodeName)));
            return null;
        }
        return text.getString();
    }

    /** Kinto merges {@code defaults} into each request that is a mapping, when both have the expected types. */
    private static JsonObject withDefaults(JsonObject payload) {
        if (!(payload.get("defaults") instanceof JsonObject defaults)
                || !(payload.get("requests") instanceof JsonArray requests)) {
            return payload;
        }
        JsonArrayBuilder merged = JSON.createArrayBuilder();
        requests.forEach(r -> merged.add(r instanceof JsonObject request ? mergeMissing(request, defaults) : r));
        return JSON.createObjectBuilder(payload).add("requests", merged).build();
    }

    /** Kinto's {@code merge_dicts}: adds what {@code defaults} has and {@code target} lacks, recursing in objects. */
    static JsonObject mergeMissing(JsonObject target, JsonObject defaults) {
        JsonObjectBuilder merged = JSON.createObjectBuilder(target);
        defaults.forEach((key, value) -> {
            JsonValue existing = target.get(key);
            if (existing == null) {
                merged.add(key, value);
            } else if (value instanceof JsonObject object && existing instanceof JsonObject current) {
                merged.add(key, mergeMissing(current, object));
            }
        });
        return merged.build();
    }

    private static JsonObject without(JsonObject object, Set<String> keys) {
        JsonObjectBuilder rest = JSON.createObjectBuilder();
        object.forEach((key, value) -> {
            if (!keys.contains(key)) {
                rest.add(key, value);
            }
        });
        return rest.build();
    }
}

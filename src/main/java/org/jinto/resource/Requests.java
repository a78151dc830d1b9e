package org.jinto.resource;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jinto.api.http.KintoException;
import org.jinto.resource.body.JsonBodyReader;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading the parts of an {@link ApiRequest} the engine validates: media types, body, special headers. */
public final class Requests {

    private static final List<String> JSON_TYPES = List.of("application/json");
    private static final List<String> PATCH_TYPES =
            List.of("application/json", "application/merge-patch+json", "application/json-patch+json");
    private static final Set<String> RESPONSE_BEHAVIORS = Set.of("full", "light", "diff");
    private static final JsonBodyReader BODY_READER = JsonBodyReader.withDefaults();

    private Requests() {
    }

    /**
     * Kinto's view predicates: a body must be JSON (415), the client must accept JSON (406). A request without
     * {@code Content-Type} is taken as JSON.
     */
    public static void checkMediaTypes(ApiRequest request) {
        String method = request.method();
        String contentType = request.header("Content-Type").map(Requests::mediaType).orElse("");
        List<String> accepted = "PATCH".equals(method) ? PATCH_TYPES : JSON_TYPES;
        if (Set.of("POST", "PUT", "PATCH").contains(method) && !contentType.isEmpty()
                && !accepted.contains(contentType)) {
            throw mediaError(415, "Content-Type", "Content-Type header should be one of " + pythonList(accepted));
        }
        String accept = request.header("Accept").orElse("");
        if (!accept.isBlank() && !acceptsJson(accept)) {
            throw mediaError(406, "Accept", "Accept header should be one of " + pythonList(JSON_TYPES));
        }
    }

    private static boolean acceptsJson(String accept) {
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String header) {
        return header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").toList().toString();
    }

    private static KintoException mediaError(int status, String header, String description) {
        return InvalidParameters.withStatus(status, List.of(ErrorDetail.of("header", header, description)), Map.of());
    }

    /** The JSON body (an empty body is {@code {}}); malformed JSON, or JSON neither object nor array, is a 400. */
    static JsonValue json(ApiRequest request) {
        return BODY_READER.readRequestBody(request.body(), request.header("Content-Type").orElse(null));
    }

    /** The {@code data.id} of a JSON body, or null when the body is not JSON or has none. */
    static JsonValue postedId(ApiRequest request) {
        try {
            JsonValue body = json(request);
            if (body instanceof JsonObject object && object.get("data") instanceof JsonObject data) {
                return data.get("id");
            }
            return null;
        } catch (KintoException e) {
            return null;
        }
    }

    /** The {@code Response-Behavior} header of a PATCH: {@code full} (default), {@code light} or {@code diff}. */
    static String responseBehavior(ApiRequest request) {
        String value = request.header("Response-Behavior").orElse("full");
        if (!RESPONSE_BEHAVIORS.contains(value)) {
            throw InvalidParameters.of("header", "Response-Behavior", "\"" + value + "\" is not one of full, light, diff");
        }
        return value;
    }

    /** The {@code last_modified} query parameter a client may give to date a deletion, or null. */
    static Long deleteLastModified(ApiRequest request) {
        String value = request.queryParam("last_modified").orElse(null);
        if (value == null) {
            return null;
        }
        String unquoted = value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1) : value;
        try {
            return Long.valueOf(unquoted.strip());
        } catch (NumberFormatException e) {
            throw InvalidParameters.of("querystring", "last_modified", "\"" + unquoted + "\" is not a number");
        }
    }
}

package org.jinto.resource.errors;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Kinto's {@code json_error_handler}: a 400 errno 107 "Invalid parameters" whose {@code details} lists every error
 * in the order found and whose {@code message} describes the error with the smallest {@code str(name)}.
 */
public final class InvalidParameters {

    private InvalidParameters() {
    }

    public static KintoException of(String location, String name, String description) {
        return of(List.of(ErrorDetail.of(location, name, description)));
    }

    public static KintoException of(List<ErrorDetail> details) {
        return of(details, null);
    }

    /** The same error with extra response headers (e.g. an {@code Alert} already decided for this request). */
    public static KintoException of(List<ErrorDetail> details, Map<String, String> headers) {
        return withStatus(400, details, headers);
    }

    /** The error with another status, as Cornice answers a wrong Content-Type (415) or Accept (406). */
    public static KintoException withStatus(int status, List<ErrorDetail> details, Map<String, String> headers) {
        if (details.isEmpty()) {
            throw new IllegalArgumentException("An invalid-parameters error needs at least one detail");
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        details.forEach(detail -> array.add(detail.toJson()));
        return new KintoException(status, Errno.INVALID_PARAMETERS, "Invalid parameters", message(details),
                array.build(), headers);
    }

    static String message(List<ErrorDetail> details) {
        ErrorDetail first = details.stream().min(Comparator.comparing(ErrorDetail::nameText)).orElseThrow();
        if (first.name() == JsonValue.NULL) {
            return first.location() + ": " + first.description();
        }
        String name = first.nameText();
        if (first.description().contains(name)) {
            return first.description();
        }
        return name + " in " + first.location() + ": " + first.description();
    }
}

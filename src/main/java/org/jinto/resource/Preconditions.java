package org.jinto.resource;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kinto's concurrency control from the {@code If-Match} and {@code If-None-Match} headers, whose values are a
 * quoted timestamp ({@code "1500000000000"}) or {@code *}: 304 when nothing changed since the client's copy, 412
 * (errno 114, with the existing object) when the object changed or its (non-)existence contradicts the header.
 */
final class Preconditions {

    private static final Pattern QUOTED_INTEGER = Pattern.compile("^\"([0-9]+?)\"$|^\\*");
    private static final String STAR = "*";
    /** What an integer beyond {@code long} stands for: no timestamp is negative, so it matches none. */
    private static final long NO_TIMESTAMP = -1L;

    /** Each is null (absent), {@link #STAR} or a Long. */
    private final Object ifMatch;
    private final Object ifNoneMatch;

    private Preconditions(Object ifMatch, Object ifNoneMatch) {
        this.ifMatch = ifMatch;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** Reads both headers; a malformed value is a 400 naming the header. */
    static Preconditions of(ApiRequest request) {
        List<ErrorDetail> errors = new ArrayList<>();
        Object ifMatch = parse(request, "If-Match", errors);
        Object ifNoneMatch = parse(request, "If-None-Match", errors);
        if (!errors.isEmpty()) {
            throw InvalidParameters.of(errors);
        }
        return new Preconditions(ifMatch, ifNoneMatch);
    }

    private static Object parse(ApiRequest request, String header, List<ErrorDetail> errors) {
        String value = request.header(header).orElse(null);
        if (value == null) {
            return null;
        }
        Matcher matcher = QUOTED_INTEGER.matcher(value);
        if (!matcher.find()) {
            errors.add(ErrorDetail.of("header", header, "The value should be integer between double quotes."));
            return null;
        }
        if (matcher.group(1) == null) {
            return STAR;
        }
        BigInteger timestamp = new BigInteger(matcher.group(1));
        return timestamp.bitLength() < Long.SIZE ? timestamp.longValue() : NO_TIMESTAMP;
    }

    boolean ifNoneMatchStar() {
        return STAR.equals(ifNoneMatch);
    }

    /**
     * Answers 304 if the client's {@code If-None-Match} timestamp is the current one.
     *
     * @param object   the object read, or null on a plural endpoint (the resource timestamp applies)
     */
    void raiseIfNotModified(JsonObject object, LongSupplier resourceTimestamp) {
        if (!(ifNoneMatch instanceof Long expected)) {
            return;
        }
        long current = object != null ? lastModified(object) : resourceTimestamp.getAsLong();
        if (current == expected) {
            throw new NotModified(current);
        }
    }

    /**
     * Answers 412 if the preconditions fail.
     *
     * @param exists   whether the target exists (plural endpoints always exist)
     * @param object   the existing object, or null (the resource timestamp then applies)
     */
    void raiseIfModified(boolean exists, JsonObject object, LongSupplier resourceTimestamp) {
        if (ifMatch == null && ifNoneMatch == null) {
            return;
        }
        Long expected;
        if (STAR.equals(ifNoneMatch) && exists) {
            expected = NO_TIMESTAMP;
        } else if (ifMatch != null && !exists) {
            expected = NO_TIMESTAMP;
        } else if (ifMatch instanceof Long timestamp) {
            expected = timestamp;
        } else {
            return;
        }
        long current = object != null ? lastModified(object) : resourceTimestamp.getAsLong();
        if (current != expected) {
            JsonObject details = object == null ? null
                    : JSON.createObjectBuilder().add("existing", object).build();
            throw new KintoException(412, Errno.MODIFIED_MEANWHILE, "Precondition Failed",
                    "Resource was modified meanwhile", details, TimestampHeaders.of(current));
        }
    }

    private static long lastModified(JsonObject object) {
        return object.getJsonNumber("last_modified").longValue();
    }

    /** A 304 answer, carrying the current timestamp. */
    static final class NotModified extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long timestamp;

        NotModified(long timestamp) {
            super(null, null, false, false);
            this.timestamp = timestamp;
        }
    }

    /** {@code ETag} and {@code Last-Modified} of a timestamp. */
    static final class TimestampHeaders {
        private static final java.time.format.DateTimeFormatter HTTP_DATE = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                .withZone(java.time.ZoneOffset.UTC);

        private TimestampHeaders() {
        }

        static Map<String, String> of(long timestamp) {
            return Map.of("ETag", "\"" + timestamp + "\"",
                    "Last-Modified", HTTP_DATE.format(java.time.Instant.ofEpochMilli(timestamp)));
        }
    }
}

package org.jinto.plugins.changes;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the monitor and changeset endpoints share, as kinto-changes answers them: the quoted-integer timestamps of
 * the query string, the refusal of stale {@code _expected} values, the redirect of too old {@code _since} values,
 * the filtering of monitor entries and the cache headers ({@code <bid>.<cid>.record_cache_expires_seconds} and its
 * minimum and maximum variants chosen by {@code _expected}).
 */
final class ChangesQuery {

    static final long JANUARY_1ST_2100 = 4102444800000L;
    private static final Pattern QUOTED_INTEGER = Pattern.compile("^\"?([0-9]+)\"?$");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Settings settings;

    ChangesQuery(Settings settings) {
        this.settings = settings;
    }

    /** A timestamp such as {@code 123} or {@code "123"}; 400 errno 107 when malformed or out of range. */
    static Optional<Long> timestamp(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher match = QUOTED_INTEGER.matcher(value);
        if (!match.matches() || match.group(1).length() > 13 || Long.parseLong(match.group(1)) > JANUARY_1ST_2100) {
            throw invalid(name, "The value should be integer, optionally between double quotes.");
        }
        return Optional.of(Long.parseLong(match.group(1)));
    }

    /** Kinto's 400 for a bad query string parameter. */
    static KintoException invalid(String name, String description) {
        return new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters",
                name + " in querystring: " + description, JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("location", "querystring").add("name", name).add("description", description)).build(), null);
    }

    /**
     * The answer that ends the request before any read: 204 for an {@code _expected} older than {@code _since}
     * (the client goes back in time), or a 307 dropping a {@code _since} older than
     * {@code changes.since_max_age_days} (default 21; negative: never).
     */
    Optional<Response> shortcut(String since, String expected, URI requestUri) {
        Optional<Long> sinceValue = lenient(since);
        long expectedValue = lenient(expected).orElse(0L);
        long ttl = settings.getLong("kinto.changes.since_max_age_redirect_ttl_seconds", 86400);
        if (sinceValue.isPresent() && expectedValue > 0 && expectedValue < sinceValue.get()) {
            return Optional.of(cached(Response.noContent(), ttl).build());
        }
        long maxAgeDays = settings.getLong("kinto.changes.since_max_age_days", 21);
        if (sinceValue.isEmpty() || maxAgeDays < 0
                || sinceValue.get() >= Instant.now().minusSeconds(maxAgeDays * 86400).toEpochMilli()) {
            return Optional.empty();
        }
        String query = requestUri.getRawQuery() == null ? "" : requestUri.getRawQuery();
        String kept = String.join("&", Pattern.compile("&").splitAsStream(query)
                .filter(p -> !p.isEmpty() && !p.startsWith("_since=")).toList());
        URI location = URI.create(hostUri(requestUri) + requestUri.getRawPath() + (kept.isEmpty() ? "" : "?" + kept));
        return Optional.of(cached(Response.temporaryRedirect(location), ttl).build());
    }

    /** {@code http_scheme://http_host} from the settings ({@code changes.http_host} first), else the request's. */
    String hostUri(URI requestUri) {
        Optional<String> host = settings.get("kinto.changes.http_host").or(() -> settings.get("kinto.http_host"));
        if (host.isEmpty()) {
            return requestUri.getScheme() + "://" + requestUri.getRawAuthority();
        }
        return settings.get("kinto.http_scheme", "https") + "://" + host.get();
    }

    /** The monitor entries matching the filters, newest first, at most {@code limit}. */
    static List<JsonObject> select(List<JsonObject> entries, Optional<Long> since, String bucket, String collection,
                                   int limit) {
        return entries.stream()
                .filter(e -> since.isEmpty() || e.getJsonNumber("last_modified").longValue() > since.get())
                .filter(e -> bucket == null || e.getString("bucket").equals(bucket))
                .filter(e -> collection == null || e.getString("collection").equals(collection))
                .sorted(Comparator.comparingLong((JsonObject e) -> e.getJsonNumber("last_modified").longValue())
                        .reversed())
                .limit(limit).toList();
    }

    /** {@code _limit} bounded by {@code paginate_by} and {@code storage_max_fetch_size}, as kinto-changes. */
    int limit(String value) {
        long maxFetch = settings.getLong("kinto.storage_max_fetch_size", 10000);
        long paginateBy = settings.getLong("kinto.paginate_by", 0);
        long max = Math.min(paginateBy > 0 ? paginateBy : maxFetch, maxFetch);
        if (value == null) {
            return (int) max;
        }
        try {
            return (int) Math.min(Math.abs(Long.parseLong(value)), max);
        } catch (NumberFormatException e) {
            throw invalid("_limit", "\"" + value + "\" is not a number");
        }
    }

    /** Headers of a served timestamp and the collection's cache expiry. */
    Response.ResponseBuilder headers(Response.ResponseBuilder response, long lastModified, String bucket,
                                     String collection, String expected) {
        response.header("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(lastModified)));
        String prefix = "kinto." + bucket + "." + collection + ".record_cache";
        Optional<String> defaultExpires = settings.get(prefix + "_expires_seconds");
        Optional<String> expires;
        if (expected == null) {
            expires = defaultExpires;
        } else if (expected.equals("0") || expected.startsWith("9999")) {
            // Cache-busting values from the clients' QA tools: cached for a shorter time.
            expires = settings.get(prefix + "_minimum_expires_seconds").or(() -> defaultExpires);
        } else {
            expires = settings.get(prefix + "_maximum_expires_seconds").or(() -> defaultExpires);
        }
        expires.or(() -> settings.get("kinto." + bucket + ".record_cache_expires_seconds"))
                .or(() -> settings.get("kinto.record_cache_expires_seconds"))
                .ifPresent(seconds -> cached(response, Long.parseLong(seconds.strip())));
        return response;
    }

    private static Response.ResponseBuilder cached(Response.ResponseBuilder response, long seconds) {
        if (seconds >= 0) {
            response.header("Cache-Control", "max-age=" + seconds)
                    .header("Expires", HTTP_DATE.format(Instant.now().plusSeconds(seconds)));
        }
        return response;
    }

    /** A quoted integer, or empty when absent or malformed (validation answers those later). */
    private static Optional<Long> lenient(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher match = QUOTED_INTEGER.matcher(value.strip());
        return match.matches() && match.group(1).length() < 19 ? Optional.of(Long.parseLong(match.group(1)))
                : Optional.empty();
    }
}

package org.jinto.resource;

import org.jinto.auth.Identity;
import org.jinto.resource.query.QueryString;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One API request as the resource router sees it, independent of JAX-RS so that the batch endpoint can dispatch
 * subrequests through the same {@link ApiRouter}.
 *
 * @param method   upper-case HTTP method
 * @param path     the path below {@code /v1}, starting with {@code /}, percent-decoded segment by segment
 *                 ({@code /buckets/b1/collections})
 * @param query    the query string
 * @param headers  request headers; looked up case-insensitively
 * @param body     raw body bytes (empty when none)
 * @param identity who makes the request
 * @param baseUrl  the absolute URL of the API root without trailing slash ({@code http://host:port/v1}),
 *                 used to build absolute URLs such as {@code Next-Page}
 */
public record ApiRequest(String method, String path, QueryString query, Map<String, String> headers,
                         byte[] body, Identity identity, String baseUrl) {

    public ApiRequest {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
        query = query == null ? QueryString.empty() : query;
        body = body == null ? new byte[0] : body;
    }

    /**
     * A request as it arrives over HTTP: the raw (still escaped) path below {@code /v1} is decoded segment by
     * segment, so that an encoded slash stays inside its segment, and the raw query string is parsed as Kinto does.
     */
    public static ApiRequest fromHttp(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                      byte[] body, Identity identity, String baseUrl) {
        String path = "/" + Arrays.stream((rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1))
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
        return new ApiRequest(method, path, QueryString.parse(rawQuery), headers, body, identity,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    /** The header value, or empty if absent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The last value of a query parameter (as WebOb's {@code GET[name]}), or empty. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The same request with another method. */
    public ApiRequest withMethod(String newMethod) {
        return new ApiRequest(newMethod, path, query, headers, body, identity, baseUrl);
    }

    /** The same request with another path (e.g. an alias resolved by a plugin). */
    public ApiRequest withPath(String newPath) {
        return new ApiRequest(method, newPath, query, headers, body, identity, baseUrl);
    }
}

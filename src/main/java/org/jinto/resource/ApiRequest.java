package org.jinto.resource;

import org.jinto.auth.Identity;
import org.jinto.resource.query.QueryString;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /** The same request with another path (e.g. an alias resolved by a plugin). */
    public ApiRequest withPath(String newPath) {
        return new ApiRequest(method, newPath, query, headers, body, identity, baseUrl);
    }
}

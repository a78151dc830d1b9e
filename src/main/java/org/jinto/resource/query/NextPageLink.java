package org.jinto.resource.query;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds Kinto's {@code Next-Page} URL: the request's absolute URL with its query parameters (each once, with its
 * last value, in first-seen order), {@code _limit} and {@code _token} set, encoded as Python's {@code quote_plus}.
 *
 * @param absolutePath the request URL without query, e.g. {@code http://host/v1/buckets/b1/collections/c1/records}
 * @param query        the request's query string
 */
public record NextPageLink(String absolutePath, QueryString query) {

    String url(int limit, String token) {
        Map<String, String> parameters = new LinkedHashMap<>();
        query.asMap().forEach((name, values) -> parameters.put(name, values.get(values.size() - 1)));
        parameters.put("_limit", Integer.toString(limit));
        parameters.put("_token", token);
        StringBuilder url = new StringBuilder(absolutePath).append('?');
        parameters.forEach((name, value) -> url.append(quotePlus(name)).append('=').append(quotePlus(value))
                .append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    /** Python's {@code urllib.parse.quote_plus(value, safe='')}. */
    static String quotePlus(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }
}

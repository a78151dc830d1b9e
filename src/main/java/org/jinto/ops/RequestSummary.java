package org.jinto.ops;

import java.time.Instant;
import java.util.Map;

/**
 * One finished request, as the request summary log and the request metrics see it.
 *
 * @param finishedAt  when the response was complete
 * @param method      HTTP method
 * @param path        decoded path, e.g. {@code /v1/buckets/b1}
 * @param querystring query parameters (last value wins, as Kinto logs them)
 * @param code        response status
 * @param durationMs  time spent answering, in milliseconds
 * @param userId      authenticated user id, or null
 * @param errno       Kinto errno of an error answer, 0 for a success
 * @param agent       User-Agent, or null
 * @param lang        Accept-Language, or null
 * @param requestId   the X-Request-Id answered
 */
public record RequestSummary(Instant finishedAt, String method, String path, Map<String, String> querystring,
                             int code, long durationMs, String userId, int errno, String agent, String lang,
                             String requestId) {
}

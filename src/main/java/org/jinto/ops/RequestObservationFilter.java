package org.jinto.ops;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.http.KintoException;
import org.jinto.ops.metrics.RequestMetrics;
import org.jinto.resource.query.QueryString;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * First filter of every request: gives it a request id ({@code X-Request-Id}, honoured or generated, echoed in
 * the response), times it, and once the response is complete writes the request summary log line and the
 * request metrics. A request that fails with an exception is reported with status 500.
 */
public class RequestObservationFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestLogContext context;
    @Inject
    transient RequestSummaryLog summaryLog;
    @Inject
    transient RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String requestId = RequestIds.honourOrGenerate(request.getHeader(RequestIds.HEADER));
        context.setRequestId(requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            long elapsedNanos = System.nanoTime() - start;
            int status = completed ? response.getStatus() : 500;
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            if (summaryLog.isOn()) {
                summaryLog.log(new RequestSummary(Instant.now(), request.getMethod(), path,
                        loggedQuery(request.getQueryString()), status,
                        TimeUnit.NANOSECONDS.toMillis(elapsedNanos), context.userId(),
                        errno(status), request.getHeader("User-Agent"),
                        request.getHeader("Accept-Language"), requestId));
            }
            metrics.record(request.getMethod(), path, context.matchedTemplate(), status, elapsedNanos);
        }
    }

    /** The parameters as Kinto logs them; none for a query that is not UTF-8 (Kinto refuses it before logging it). */
    private static Map<String, String> loggedQuery(String rawQuery) {
        try {
            return QueryString.parse(rawQuery).lastValues();
        } catch (KintoException notUtf8) {
            return Map.of();
        }
    }

    /**
     * The errno of an error answer, 0 otherwise: a batch answering 200 ran its subrequests in this request, and
     * the errors some of them answered are not its own (Kinto logs none either).
     */
    private int errno(int status) {
        return status >= 400 && context.errno() != null ? context.errno().number() : 0;
    }
}

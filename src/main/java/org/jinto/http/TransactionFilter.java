package org.jinto.http;

import org.jinto.errors.KintoErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.ops.RequestLogContext;
import org.jinto.api.storage.BackendException;
import org.jinto.database.Transactions;
import org.jinto.database.UnitOfWork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One transaction per request: database work during the request joins the request's unit of work, committed
 * when the answer's status is below 500 and nobody marked it rollback-only, rolled back otherwise. The answer is
 * held back until the commit succeeded; if the commit fails the client gets 503 errno 201 instead.
 */
public class TransactionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TransactionFilter.class.getName());
    /** Request attribute: {@code Boolean.TRUE} once the request's writes are committed (for after-commit work). */
    public static final String COMMITTED = "org.jinto.committed";

    @Inject
    transient Settings settings;
    @Inject
    transient RequestLogContext logContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ChangeStreamRequests.matches(request)) {
            // A change stream lasts and only reads: its events go out as they come, not held until a commit.
            try (UnitOfWork unit = Transactions.begin()) {
                chain.doFilter(request, response);
            }
            return;
        }
        Map<String, List<String>> earlierHeaders = headers(response);
        BufferedResponse buffered = new BufferedResponse(response);
        try (UnitOfWork unit = Transactions.begin()) {
            chain.doFilter(request, buffered);
            if (buffered.getStatus() >= 500) {
                unit.markRollbackOnly();
            }
            try {
                boolean committing = !unit.isRollbackOnly();
                unit.commit();
                request.setAttribute(COMMITTED, committing);
            } catch (BackendException e) {
                LOG.log(Level.WARNING, "Commit failed", e);
                answerUnavailable(buffered, earlierHeaders);
            }
        }
        buffered.send();
    }

    /** Replaces the answer by Kinto's 503, keeping the headers set before the request reached the application. */
    private void answerUnavailable(BufferedResponse buffered, Map<String, List<String>> earlierHeaders) throws IOException {
        buffered.discard();
        earlierHeaders.forEach((name, values) -> values.forEach(value -> buffered.addHeader(name, value)));
        KintoException unavailable = KintoErrors.unavailable();
        logContext.setErrno(unavailable.errno());
        buffered.setStatus(unavailable.status());
        buffered.setContentType("application/json");
        KintoErrors.headers(unavailable, settings).forEach(buffered::setHeader);
        buffered.getOutputStream().write(KintoErrors.body(unavailable).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        return headers;
    }
}

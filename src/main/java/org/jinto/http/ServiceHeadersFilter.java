package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.errors.KintoErrors;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.ops.RequestLogContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Headers Kinto adds to every response: security headers, {@code Backoff} ({@code kinto.backoff}, sent to
 * {@code kinto.backoff_percentage} % of requests), and end of service ({@code kinto.eos}): an {@code Alert}
 * header before the date, 410 errno 202 for every request after it.
 */
public class ServiceHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String EOS_MESSAGE = "The service you are trying to connect no longer exists at this location.";

    @Inject
    transient Settings settings;
    @Inject
    transient RequestLogContext logContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; ");
        addBackoff(response);
        String eos = settings.get("kinto.eos", "").strip();
        if (!eos.isEmpty()) {
            boolean ended = !endOfService(eos).isAfter(LocalDateTime.now());
            response.setHeader("Alert", JSON.createObjectBuilder()
                    .add("code", ended ? "hard-eol" : "soft-eol")
                    .add("message", settings.get("kinto.eos_message", ""))
                    .add("url", settings.get("kinto.eos_url", settings.get("kinto.project_docs", "https://kinto.readthedocs.io/")))
                    .build().toString());
            if (ended) {
                logContext.setErrno(Errno.SERVICE_DEPRECATED);
                response.setStatus(410);
                response.setContentType("application/json");
                response.getOutputStream().write(KintoErrors.body(410, Errno.SERVICE_DEPRECATED, "Gone", EOS_MESSAGE, null)
                        .toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void addBackoff(HttpServletResponse response) {
        String backoff = settings.get("kinto.backoff", "").strip();
        if (backoff.isEmpty()) {
            return;
        }
        long percentage = settings.getLong("kinto.backoff_percentage", 100);
        if (ThreadLocalRandom.current().nextLong(100) < percentage) {
            response.setHeader("Backoff", backoff);
        }
    }

    /** Accepts a date ({@code 2030-01-01}) or a date-time ({@code 2030-01-01T12:00:00}). */
    static LocalDateTime endOfService(String eos) {
        try {
            return eos.contains("T") ? LocalDateTime.parse(eos) : LocalDate.parse(eos).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Setting kinto.eos must be an ISO date such as 2030-01-01, got '" + eos + "'");
        }
    }
}

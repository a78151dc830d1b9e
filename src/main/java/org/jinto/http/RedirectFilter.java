package org.jinto.http;

import org.jinto.errors.KintoErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.ops.RequestLogContext;
import org.jinto.resource.CacheHeaders;
import org.jinto.resource.Cors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kinto's redirects, as 307 keeping the query string: a path outside {@code /v1} goes to the same path under
 * {@code /v1} ({@code kinto.version_prefix_redirect_enabled}, cached {@code kinto.version_prefix_redirect_ttl_seconds},
 * default not at all; a path naming another version, or any when disabled, is 404 errno 116), and trailing slashes are removed ({@code /v1/buckets/} → {@code /v1/buckets}, {@code /v1} →
 * {@code /v1/}, except below the admin UI's {@code /v1/admin/}; {@code kinto.trailing_slash_redirect_enabled},
 * cached {@code kinto.trailing_slash_redirect_ttl_seconds}, default an hour). A disabled trailing-slash redirect
 * leaves those paths unrouted: 404. Redirects carry Kinto's default CORS headers.
 */
public class RedirectFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/v1";
    /** The admin UI's folder-like URLs keep their trailing slash ({@code /v1/admin/}). */
    private static final String ADMIN_PREFIX = PREFIX + "/admin/";
    private static final Pattern VERSIONED = Pattern.compile("/v[0-9]+");

    @Inject
    transient Settings settings;
    @Inject
    transient Cors cors;
    @Inject
    transient RequestLogContext logContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            // Kinto's route for the prefix redirect leaves out paths naming a version (/v2/..., /v1x).
            boolean redirected = settings.getBoolean("kinto.version_prefix_redirect_enabled", true)
                    && !VERSIONED.matcher(path).lookingAt();
            if (redirected && "OPTIONS".equals(request.getMethod())) {
                corsHeaders(request, response);  // CORS answers are always 200
                return;
            }
            if (redirected) {
                redirect(request, response, PREFIX + path, settings.getLong("kinto.version_prefix_redirect_ttl_seconds", -1));
                return;
            }
            if (!path.startsWith(PREFIX)) {
                error(request, response, new KintoException(404, Errno.VERSION_NOT_AVAILABLE, "Not Found",
                        "The requested API version is not available on this server."));
                return;
            }
        } else if (path.equals(PREFIX) || path.endsWith("/") && !path.equals(PREFIX + "/") && !path.startsWith(ADMIN_PREFIX)) {
            if (!settings.getBoolean("kinto.trailing_slash_redirect_enabled", true)) {
                error(request, response, KintoErrors.notFound());
                return;
            }
            String target = path.replaceAll("/+$", "");
            redirect(request, response, target.equals(PREFIX) ? PREFIX + "/" : target,
                    settings.getLong("kinto.trailing_slash_redirect_ttl_seconds", 3600));
            return;
        }
        chain.doFilter(request, response);
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response, String target, long cacheSeconds)
            throws IOException {
        String relative = request.getContextPath() + target
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String url = request.getRequestURL().toString();
        String location = url.substring(0, url.length() - request.getRequestURI().length()) + relative;
        response.setStatus(307);
        response.setHeader("Location", location);
        if (cacheSeconds >= 0) {
            CacheHeaders.expiring(cacheSeconds).forEach(response::setHeader);
        }
        corsHeaders(request, response);
        response.setContentType("text/plain; charset=UTF-8");
        response.getOutputStream().write(("307 Temporary Redirect\n\nThe resource has been moved to " + relative
                + "; you should be redirected automatically.\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void error(HttpServletRequest request, HttpServletResponse response, KintoException error) throws IOException {
        corsHeaders(request, response);
        logContext.setErrno(error.errno());
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.getOutputStream().write(KintoErrors.body(error).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Kinto's {@code reapply_cors} for answers of no endpoint: the allowed origin and the default exposed headers. */
    private void corsHeaders(HttpServletRequest request, HttpServletResponse response) {
        cors.allowedOrigin(Optional.ofNullable(request.getHeader("Origin")))
                .ifPresent(origin -> response.setHeader("Access-Control-Allow-Origin", origin));
        response.setHeader("Access-Control-Expose-Headers", String.join(", ", Cors.DEFAULT_EXPOSED));
    }
}

package org.jinto.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Kinto's redirects: a path outside {@code /v1} goes to the same path under {@code /v1}, and a trailing slash
 * is removed ({@code /v1/buckets/} → {@code /v1/buckets}, except below the admin UI's {@code /v1/admin/}), both
 * as 307 keeping the query string.
 */
public class RedirectFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/v1";
    /** The admin UI's folder-like URLs keep their trailing slash ({@code /v1/admin/}). */
    private static final String ADMIN_PREFIX = PREFIX + "/admin/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String target = null;
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            target = PREFIX + path;
        } else if (path.length() > PREFIX.length() + 1 && path.endsWith("/") && !path.startsWith(ADMIN_PREFIX)) {
            target = path.substring(0, path.length() - 1);
        }
        if (target == null || "OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String relative = request.getContextPath() + target
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String url = request.getRequestURL().toString();
        String location = url.substring(0, url.length() - request.getRequestURI().length()) + relative;
        response.setStatus(307);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "max-age=3600");
        response.setContentType("text/plain; charset=UTF-8");
        response.getOutputStream().write(("307 Temporary Redirect\n\nThe resource has been moved to " + relative
                + "; you should be redirected automatically.\n\n").getBytes(StandardCharsets.UTF_8));
    }
}

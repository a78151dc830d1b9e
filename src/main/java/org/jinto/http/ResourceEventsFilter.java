package org.jinto.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.events.RequestEvents;

import java.io.IOException;

/**
 * Fires the after-commit resource events ({@code AfterResourceChanged}, {@code AfterResourceRead}) once the
 * request is complete. Mapped first in web.xml so that it wraps the transaction filter, which tells whether the
 * request's transaction committed ({@link TransactionFilter#COMMITTED}; not when rolled back or rollback-only).
 */
public class ResourceEventsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestEvents events;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = Boolean.TRUE.equals(request.getAttribute(TransactionFilter.COMMITTED));
        } finally {
            boolean committed = completed;
            events.publisher().ifPresent(publisher -> {
                if (committed) {
                    publisher.fireAfterCommit();
                } else {
                    publisher.discard();
                }
            });
        }
    }
}

package org.jinto.http;

import jakarta.servlet.http.HttpServletRequest;

/** Recognizes the requests of a change stream ({@link ChangeStreamEndpoint}) before Jersey does. */
final class ChangeStreamRequests {

    private ChangeStreamRequests() {
    }

    static boolean matches(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/changes")
                && accept != null && accept.contains("text/event-stream");
    }
}

package org.jinto.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.http.Errno;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's default servlet and error page: whatever no other component answers, and any error the
 * container itself raises, is answered with Kinto's error JSON rather than an HTML page.
 */
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object errorStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = errorStatus instanceof Integer code ? code : 404;
        String body;
        if (status == 404) {
            body = ErrorResponses.notFound().getMessage();
            body = ErrorResponses.body(404, Errno.MISSING_RESOURCE, "Not Found", body, null).toString();
        } else if (status >= 500) {
            response.setHeader("Retry-After", "30");
            body = ErrorResponses.body(status, Errno.UNDEFINED, "Internal Server Error",
                    ErrorResponses.unexpected().getMessage(), null).toString();
        } else {
            body = ErrorResponses.body(status, Errno.INVALID_PARAMETERS, "Invalid parameters",
                    "The request could not be understood.", null).toString();
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}

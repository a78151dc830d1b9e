package org.jinto.http;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.http.Errno;
import org.jinto.ops.RequestLogContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's default servlet and error page: whatever no other component answers, and any error the
 * container itself raises, is answered with Kinto's error JSON rather than an HTML page.
 */
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestLogContext logContext;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object errorStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = errorStatus instanceof Integer code ? code : 404;
        String body;
        Errno errno;
        if (status == 404) {
            errno = Errno.MISSING_RESOURCE;
            body = ErrorResponses.body(404, errno, "Not Found", ErrorResponses.notFound().getMessage(), null).toString();
        } else if (status >= 500) {
            errno = Errno.UNDEFINED;
            response.setHeader("Retry-After", "30");
            body = ErrorResponses.body(status, errno, "Internal Server Error",
                    ErrorResponses.unexpected().getMessage(), null).toString();
        } else {
            errno = Errno.INVALID_PARAMETERS;
            body = ErrorResponses.body(status, errno, "Invalid parameters",
                    "The request could not be understood.", null).toString();
        }
        logContext.setErrno(errno);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}

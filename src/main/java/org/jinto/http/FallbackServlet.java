package org.jinto.http;

import org.jinto.errors.KintoErrors;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
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
    @Inject
    transient Settings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object errorStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        KintoException error = error(errorStatus instanceof Integer code ? code : 404);
        logContext.setErrno(error.errno());
        response.setStatus(error.status());
        response.setContentType("application/json");
        KintoErrors.headers(error, settings).forEach(response::setHeader);
        response.getOutputStream().write(KintoErrors.body(error).toString().getBytes(StandardCharsets.UTF_8));
    }

    private static KintoException error(int status) {
        if (status == 404) {
            return KintoErrors.notFound();
        }
        if (status == 503) {
            return KintoErrors.unavailable();
        }
        if (status >= 500) {
            KintoException unexpected = KintoErrors.unexpected();
            return new KintoException(status, unexpected.errno(), unexpected.error(), unexpected.getMessage());
        }
        return new KintoException(status, Errno.INVALID_PARAMETERS, "Invalid parameters",
                "The request could not be understood.");
    }
}

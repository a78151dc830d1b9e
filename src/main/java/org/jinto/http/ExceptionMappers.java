package org.jinto.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jinto.errors.KintoErrors;
import org.jinto.api.Settings;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.api.storage.BackendException;
import org.jinto.ops.RequestLogContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception into Kinto's error JSON: our own {@link KintoException}, the framework's 404/405/406/415,
 * an unreachable backend (503 errno 201) and anything unexpected (500 errno 999, logged, never a stack trace).
 */
@Provider
public class ExceptionMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    @Inject
    Settings settings;
    @Inject
    RequestLogContext logContext;

    @Override
    public Response toResponse(Throwable exception) {
        KintoException kinto = toKinto(exception);
        logContext.setErrno(kinto.errno());
        return ErrorResponses.response(kinto, settings);
    }

    static KintoException toKinto(Throwable exception) {
        if (exception instanceof KintoException kinto) {
            return kinto;
        }
        if (exception instanceof BackendException) {
            LOG.log(Level.WARNING, "Backend failure", exception);
            return KintoErrors.unavailable();
        }
        if (exception instanceof NotFoundException) {
            return KintoErrors.notFound();
        }
        if (exception instanceof NotAllowedException notAllowed) {
            return KintoErrors.methodNotAllowed(notAllowed.getResponse().getAllowedMethods());
        }
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return new KintoException(status, Errno.INVALID_PARAMETERS,
                    web.getResponse().getStatusInfo().getReasonPhrase(), web.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected error", exception);
        return KintoErrors.unexpected();
    }
}

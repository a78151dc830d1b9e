package org.jinto.http;

import org.jinto.errors.KintoErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.events.EventPublisher;
import org.jinto.events.RequestEvents;
import org.jinto.ops.RequestLogContext;
import org.jinto.database.Transactions;

import java.util.Optional;

/**
 * Fires the in-transaction resource events ({@code ResourceChanged}, {@code ResourceRead}) once a request is
 * handled and before its answer is written, so that an observer's failure still becomes the answer: Kinto's error
 * JSON with the observer's status (a {@link KintoException}) or 500, and the transaction marked rollback-only.
 * Answers of 500 and above, and requests already marked rollback-only, roll back anyway: their events are not
 * fired.
 */
@Provider
public class ResourceEventsResponseFilter implements ContainerResponseFilter {

    /** Request attribute the batch endpoint sets while a subrequest runs: a batch fires its events once, at its end. */
    public static final String BATCH_SUBREQUEST = "org.jinto.batch.subrequest";

    @Inject
    RequestEvents events;
    @Inject
    RequestLogContext logContext;
    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // A batch fires the events of all its subrequests at once, merged, when the batch itself is answered.
        if (response.getStatus() >= 500 || request.getProperty(BATCH_SUBREQUEST) != null) {
            return;
        }
        Optional<EventPublisher> raised = events.publisher();
        if (raised.isEmpty()) {
            return;
        }
        EventPublisher publisher = raised.get();
        if (Transactions.isRollbackOnly()) {
            publisher.discard();
            return;
        }
        try {
            publisher.fireBeforeCommit();
        } catch (RuntimeException e) {
            // Even a 4xx answer must not commit what the observer refused.
            Transactions.markRollbackOnly();
            publisher.discard();
            KintoException error = ExceptionMappers.toKinto(e);
            logContext.setErrno(error.errno());
            response.getHeaders().clear();
            response.setStatus(error.status());
            response.setEntity(KintoErrors.body(error).toString(), null, MediaType.APPLICATION_JSON_TYPE);
            KintoErrors.headers(error, settings).forEach(response.getHeaders()::add);
        }
    }
}

package org.jinto.http;

import io.swagger.annotations.Api;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jinto.auth.RequestAuthenticator;
import org.jinto.changes.ChangeScope;
import org.jinto.changes.ChangeSink;
import org.jinto.changes.ChangeStreams;
import org.jinto.errors.KintoErrors;
import org.jinto.resource.errors.InvalidParameters;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

/**
 * The change streams over Server-Sent Events: {@code GET /v1/changes} (everything the caller may read),
 * {@code /v1/buckets/{bid}/changes}, {@code /v1/buckets/{bid}/collections/{cid}/changes}, with
 * {@code Accept: text/event-stream}. {@code Last-Event-ID} (or {@code _since}) replays the changes after that
 * timestamp first. Jersey's sink holds no thread between events (the servlet request is asynchronous).
 */
@Api(hidden = true)
@Path("{scope: (buckets/[^/]+/(collections/[^/]+/)?)?}changes")
@ApplicationScoped
public class ChangeStreamEndpoint {

    @Inject
    ChangeStreams streams;
    @Inject
    RequestAuthenticator authenticator;
    @Inject
    Instance<RequestContextController> requestContexts;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("scope") String scope, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("_since") String since, @HeaderParam("Authorization") String authorization,
                       @Context UriInfo uriInfo, @Context SseEventSink sink, @Context Sse sse) {
        if (!streams.enabled()) {
            throw KintoErrors.notFound();
        }
        OptionalLong from = timestamp(lastEventId != null ? lastEventId : since);
        streams.subscribe(scope(scope), authenticator.identify(authorization), uriInfo.getBaseUri().toString(), from,
                new SseSink(sink, sse, requestContexts.get()));
    }

    private static ChangeScope scope(String path) {
        if (path.isEmpty()) {
            return ChangeScope.EVERYTHING;
        }
        String[] segments = path.split("/");
        return new ChangeScope(segments[1], segments.length > 2 ? segments[3] : null);
    }

    /** Kinto's 400 for a bad {@code _since}: the resume point must be a timestamp. */
    private static OptionalLong timestamp(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip().replace("\"", "")));
        } catch (NumberFormatException e) {
            throw InvalidParameters.of("querystring", "_since", "The value should be integer.");
        }
    }

    /** The Server-Sent Events stream of one subscriber: event ids are timestamps, data is Kinto's event JSON. */
    private static final class SseSink implements ChangeSink {
        private final SseEventSink sink;
        private final Sse sse;
        private final RequestContextController requestContext;
        private boolean answered;

        SseSink(SseEventSink sink, Sse sse, RequestContextController requestContext) {
            this.sink = sink;
            this.sse = sse;
            this.requestContext = requestContext;
        }

        @Override
        public void event(long id, String json) throws IOException {
            send(sse.newEventBuilder().id(Long.toString(id)).data(json).build());
        }

        @Override
        public void heartbeat() throws IOException {
            send(sse.newEventBuilder().comment("heartbeat").build());
        }

        @Override
        public void close() {
            sink.close();
        }

        private void send(OutboundSseEvent event) throws IOException {
            if (sink.isClosed()) {
                throw new IOException("Change stream closed");
            }
            // Jersey answers (status, headers, response filters) with the first event, on this delivery thread: the
            // filters' request-scoped beans need a request context there.
            boolean answering = !answered && requestContext.activate();
            try {
                sink.send(event).toCompletableFuture().join();
            } catch (CompletionException e) {
                throw new IOException("Change stream closed", e.getCause());
            } finally {
                answered = true;
                if (answering) {
                    requestContext.deactivate();
                }
            }
        }
    }
}

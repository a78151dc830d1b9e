package org.jinto.listeners.webhook;

import org.jinto.api.events.EventListener;
import org.jinto.api.events.ResourceEvent;
import org.jinto.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * POSTs each event as JSON (the payload's fields plus {@code impacted_objects} or {@code read_objects}, see
 * {@link EventJson}) to a URL, signed when a secret is set. A connection failure, a 5xx or a 429 fails the
 * delivery, for the server to retry it; other answers are final (a refusal is logged).
 */
final class WebhookListener implements EventListener {

    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());

    private final HttpClient client;
    private final URI url;
    private final Optional<WebhookSignature> signature;
    private final Duration timeout;

    WebhookListener(URI url, Optional<WebhookSignature> signature, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.signature = signature;
        this.timeout = timeout;
    }

    @Override
    public void deliver(ResourceEvent event) throws IOException, InterruptedException {
        String body = EventJson.of(event).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signature.ifPresent(s -> request.header(WebhookSignature.HEADER, s.sign(body)));
        int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 500 || status == 429) {
            throw new IOException(url + " answered " + status);
        }
        if (status >= 300) {
            LOG.warning(() -> url + " refused " + event.payload().uri() + " with " + status);
        }
    }
}

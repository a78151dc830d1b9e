package org.jinto.listeners.webhook;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.jinto.api.events.AfterResourceChanged;
import org.jinto.api.events.AfterResourceRead;
import org.jinto.api.events.EventListener;
import org.jinto.api.events.ImpactedObject;
import org.jinto.api.events.ResourceEvent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * POSTs each event as JSON (the payload's fields plus {@code impacted_objects} or {@code read_objects}) to a URL,
 * signed when a secret is set. A connection failure, a 5xx or a 429 is retried after a doubling wait, up to the
 * maximum attempts; other answers are final. Retries hold back the listener's later events, keeping their order.
 */
final class WebhookListener implements EventListener {

    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());

    private final HttpClient client;
    private final URI url;
    private final Optional<WebhookSignature> signature;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration timeout;

    WebhookListener(URI url, Optional<WebhookSignature> signature, int maxAttempts, Duration backoff, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.signature = signature;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.timeout = timeout;
    }

    @Override
    public void deliver(ResourceEvent event) throws IOException, InterruptedException {
        String body = json(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signature.ifPresent(s -> request.header(WebhookSignature.HEADER, s.sign(body)));
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500 && status != 429) {
                    if (status >= 300) {
                        LOG.warning(() -> url + " refused " + event.payload().uri() + " with " + status);
                    }
                    return;
                }
                failure = "answered " + status;
            } catch (IOException e) {
                if (attempt == maxAttempts) {
                    throw e;
                }
                failure = e.toString();
            }
            if (attempt == maxAttempts) {
                throw new IOException(url + " " + failure + " after " + attempt + " attempts");
            }
            LOG.info(url + " " + failure + " (attempt " + attempt + "); retrying in " + wait.toMillis() + " ms");
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2);
        }
    }

    static String json(ResourceEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder(event.payload().toJson());
        if (event instanceof AfterResourceChanged changed) {
            JsonArrayBuilder impacted = Json.createArrayBuilder();
            changed.impactedObjects().stream().map(ImpactedObject::toJson).forEach(impacted::add);
            json.add("impacted_objects", impacted);
        } else if (event instanceof AfterResourceRead read) {
            json.add("read_objects", Json.createArrayBuilder(read.readObjects()));
        }
        return json.build().toString();
    }
}

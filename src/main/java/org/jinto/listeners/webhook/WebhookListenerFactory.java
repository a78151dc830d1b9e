package org.jinto.listeners.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import org.jinto.api.events.EventListener;
import org.jinto.api.events.EventListenerFactory;

import java.net.URI;
import java.time.Duration;

/**
 * Jinto's webhook listener ({@code .use = jinto.listeners.webhook}): {@code <prefix>url} (required),
 * {@code <prefix>secret} (HMAC-SHA256 key of the signature header; no header if unset) and
 * {@code <prefix>timeout_seconds} (per attempt, default 10). Retries are the server's, as for every listener.
 */
@ApplicationScoped
@BackendName("webhook")
public class WebhookListenerFactory implements EventListenerFactory {

    @Override
    public EventListener create(String prefix, Settings settings) {
        String urlKey = prefix + "url";
        URI url = URI.create(settings.get(urlKey).orElseThrow(
                () -> new IllegalStateException("Setting " + urlKey + " is required by the webhook listener")));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalStateException("Setting " + urlKey + " must be an http(s):// URL, got '" + url + "'");
        }
        return new WebhookListener(url, settings.get(prefix + "secret").map(WebhookSignature::new),
                Duration.ofSeconds(settings.getLong(prefix + "timeout_seconds", 10)));
    }
}

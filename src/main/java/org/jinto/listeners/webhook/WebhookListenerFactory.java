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
 * {@code <prefix>secret} (HMAC-SHA256 key of the signature header; no header if unset), {@code <prefix>max_attempts}
 * (default 5), {@code <prefix>backoff_ms} (wait before the first retry, doubled at each, default 1000) and
 * {@code <prefix>timeout_seconds} (per attempt, default 10).
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
        long maxAttempts = settings.getLong(prefix + "max_attempts", 5);
        if (maxAttempts < 1) {
            throw new IllegalStateException("Setting " + prefix + "max_attempts must be at least 1, got " + maxAttempts);
        }
        return new WebhookListener(url, settings.get(prefix + "secret").map(WebhookSignature::new),
                (int) maxAttempts, Duration.ofMillis(settings.getLong(prefix + "backoff_ms", 1000)),
                Duration.ofSeconds(settings.getLong(prefix + "timeout_seconds", 10)));
    }
}

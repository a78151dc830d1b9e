package org.jinto.ops.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.micrometer.statsd.StatsdProtocol;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A StatsD registry for {@code kinto.statsd_url} ({@code udp://host:port}): plain (Etsy) StatsD lines, sent as
 * each meter changes (one datagram per line, as Kinto's StatsD client does), named by {@link StatsdNames} under
 * {@code kinto.statsd_prefix}.
 */
final class Statsd {

    static final String URL_KEY = "kinto.statsd_url";
    static final String PREFIX_KEY = "kinto.statsd_prefix";
    static final String DEFAULT_PREFIX = "kinto";

    private Statsd() {
    }

    static StatsdMeterRegistry registry(String url, String prefix) {
        URI address = parse(url);
        StatsdConfig config = new StatsdConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public StatsdFlavor flavor() {
                return StatsdFlavor.ETSY;
            }

            @Override
            public String host() {
                return address.getHost();
            }

            @Override
            public int port() {
                return address.getPort();
            }

            @Override
            public StatsdProtocol protocol() {
                return StatsdProtocol.UDP;
            }

            @Override
            public boolean buffered() {
                return false;
            }
        };
        return StatsdMeterRegistry.builder(config).clock(Clock.SYSTEM).nameMapper(new StatsdNames(prefix)).build();
    }

    /** Fails with {@link IllegalStateException} naming the setting unless the URL is {@code udp://host:port}. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            if ("udp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with the expected form.
        }
        throw new IllegalStateException("Setting " + URL_KEY + " must look like udp://host:8125, got '" + url + "'");
    }
}

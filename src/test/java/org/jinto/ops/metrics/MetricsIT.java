package org.jinto.ops.metrics;

import jakarta.json.JsonObject;
import org.jinto.testing.Http;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.jinto.ops.metrics.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request metrics read from a real server: Prometheus text at /__metrics__, StatsD datagrams on a local port. */
class MetricsIT {

    /** Where the metrics server sends its StatsD datagrams, open while the class runs. */
    private static DatagramSocket statsd;

    @BeforeAll
    static void listenForStatsd() throws SocketException {
        statsd = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        statsd.setSoTimeout(500);
    }

    @AfterAll
    static void stopListening() {
        statsd.close();
    }

    /** Prometheus and StatsD on one server: each records every request, neither changes what the other sees. */
    private static Map<String, String> metricsSettings() {
        Map<String, String> settings = JintoServer.defaults();
        settings.put("kinto.includes", "kinto.plugins.prometheus");
        settings.put("kinto.statsd_url", "udp://127.0.0.1:" + statsd.getLocalPort());
        settings.put("kinto.statsd_prefix", "jintotest");
        return settings;
    }

    @Test
    void prometheusCountsRequestsByEndpointTemplateAndStatus() {
        Http http = new Http(JintoServer.url(metricsSettings()));
        String heartbeatSeries = "kinto_request_summary_total{endpoint=\"/__heartbeat__\",method=\"get\",status=\"200\"}";
        double before = value(http.get("/__metrics__").body(), heartbeatSeries);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/__heartbeat__").status());
        }
        http.get("/buckets/some-bucket-id");
        http.get("/no-such-endpoint-anywhere");

        Http.Response metrics = http.get("/__metrics__");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").replace(" ", "").startsWith("text/plain;version=0.0.4"),
                metrics.header("Content-Type"));
        String text = metrics.body();
        assertEquals(before + 3, value(text, heartbeatSeries), 0.0001);
        assertTrue(value(text, "kinto_request_duration_seconds_count{endpoint=\"/__heartbeat__\"}") >= 3);
        assertTrue(text.contains("request_duration_seconds_bucket{endpoint=\"/__heartbeat__\",le=\"0.1\"}"), text);
        assertTrue(text.contains("endpoint=\"/buckets/{id}\""), text);
        assertFalse(text.contains("some-bucket-id"));
        assertTrue(text.contains("kinto_request_summary_total{endpoint=\"unknown\",method=\"get\",status=\"404\"}"), text);
        assertFalse(text.contains("no-such-endpoint-anywhere"));
        assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM gauges");
    }

    @Test
    void prometheusCapabilityOnlyWhenIncluded() {
        JsonObject capabilities = new Http(JintoServer.url(metricsSettings())).get("/").object()
                .getJsonObject("capabilities");
        assertEquals("Prometheus metrics.", capabilities.getJsonObject("prometheus").getString("description"));

        Http plain = new Http(JintoServer.url());
        assertFalse(plain.get("/").object().getJsonObject("capabilities").containsKey("prometheus"));
        Http.Response metrics = plain.get("/__metrics__");
        assertEquals(404, metrics.status());
        assertEquals(111, metrics.object().getInt("errno"));
    }

    @Test
    void prometheusPrefix() {
        Map<String, String> settings = metricsSettings();
        settings.put("kinto.prometheus_prefix", "jinto");
        Http http = new Http(JintoServer.url(settings));
        http.get("/__lbheartbeat__");
        String text = http.get("/__metrics__").body();
        assertTrue(text.contains("jinto_request_summary_total{"), text);
        assertTrue(text.contains("jinto_jvm_memory_used_bytes{"));
    }

    @Test
    void statsdReceivesRequestMetrics() throws Exception {
        Http http = new Http(JintoServer.url(metricsSettings()));
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        String counted = "jintotest.request_summary.endpoint.__heartbeat__.method.get.status.200:1|c";
        while (System.nanoTime() < deadline && !lines.contains(counted)) {
            http.get("/__heartbeat__");
            lines.addAll(receive(statsd));
        }
        assertTrue(lines.contains(counted), requestLines(lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("jintotest\\.request_duration\\.endpoint\\.__heartbeat__:[0-9.]+\\|ms")),
                requestLines(lines));
    }

    private static String requestLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains("request")).toList().toString();
    }

    private static List<String> receive(DatagramSocket socket) throws Exception {
        List<String> lines = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                lines.addAll(List.of(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).split("\n")));
            }
        } catch (SocketTimeoutException drained) {
            return lines;
        }
    }
}

package org.jinto.ops.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsdTest {

    @Test
    void acceptsUdpHostAndPort() {
        assertEquals("statsd.example.com", Statsd.parse("udp://statsd.example.com:8125").getHost());
        assertEquals(9125, Statsd.parse(" udp://127.0.0.1:9125 ").getPort());
    }

    @Test
    void rejectsOtherForms() {
        for (String bad : new String[]{"statsd:8125", "tcp://h:8125", "udp://h", "udp://:8125", "not a url"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Statsd.parse(bad), bad);
            assertTrue(e.getMessage().contains("kinto.statsd_url"));
        }
    }
}

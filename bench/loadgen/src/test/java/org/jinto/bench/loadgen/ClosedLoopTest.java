package org.jinto.bench.loadgen;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real HTTP against the JDK's server: authenticated HEAD answers that announce a body length, and failing answers. */
class ClosedLoopTest {

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/count", exchange -> {
            if (!exchange.getRequestHeaders().containsKey("Authorization")) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Total-Objects", "3");
            exchange.getResponseHeaders().add("Content-Length", "11");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void authenticatedHeadAnswersAnnouncingABodyAreCountedAndTimed() throws InterruptedException {
        Outcome outcome = load("HEAD", "/count");

        assertTrue(outcome.requests() > 10, "requests: " + outcome.requests());
        assertEquals(0, outcome.non2xx());
        assertEquals(0, outcome.errors());
        assertTrue(outcome.latencies().getValueAtPercentile(50) > 0);
        assertTrue(outcome.seconds() >= 1.0 && outcome.seconds() < 3.0, "seconds: " + outcome.seconds());
    }

    @Test
    void everyAnswerOutside2xxIsCounted() throws InterruptedException {
        Outcome outcome = load("GET", "/missing");

        assertTrue(outcome.requests() > 10);
        assertEquals(outcome.requests(), outcome.non2xx());
    }

    @Test
    void theResultLineHasTheWrkScenariosColumns() throws InterruptedException {
        String[] columns = load("HEAD", "/missing").resultLine("HEAD count").split("\t");

        assertEquals(7, columns.length);
        assertEquals("HEAD count", columns[0]);
        assertEquals(columns[1], String.valueOf(Math.round(Double.parseDouble(columns[1]))));
        assertTrue(Double.parseDouble(columns[2]) <= Double.parseDouble(columns[4]), "p50 <= p99");
        assertEquals("0", columns[6]);
    }

    private static Outcome load(String method, String path) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        try (ClosedLoop loop = new ClosedLoop(method, uri, Optional.of("Basic YmVuY2g6eA=="), 4)) {
            return loop.run(Duration.ofSeconds(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

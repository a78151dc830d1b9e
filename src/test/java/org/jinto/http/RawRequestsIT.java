package org.jinto.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jinto.testing.JintoServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the HTTP client cannot send, written on a raw socket: methods and request lines the container itself
 * handles before the application are answered as Kinto does, with its error JSON.
 */
class RawRequestsIT {

    private final URI base = URI.create(JintoServer.url());

    /** Sends {@code request} as is and reads the whole answer (the server closes the connection). */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String request(String method, String path) throws IOException {
        return exchange(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    private static JsonObject body(String answer) {
        return Json.createReader(new StringReader(answer.substring(answer.indexOf("\r\n\r\n") + 4))).readObject();
    }

    private static void assertError(String answer, int status, int errno, String error) {
        assertEquals(status, status(answer), answer);
        JsonObject body = body(answer);
        assertEquals(status, body.getInt("code"));
        assertEquals(errno, body.getInt("errno"));
        assertEquals(error, body.getString("error"));
    }

    @Test
    void anInvalidUrlPathIsKintosBadRequest() throws IOException {
        String answer = request("GET", "/v1/%82%AC");
        assertError(answer, 400, 107, "Bad Request");
        assertEquals("Invalid URL path.", body(answer).getString("message"));
    }

    @Test
    void connectIsAMethodNotAllowed() throws IOException {
        assertError(request("CONNECT", "/v1/buckets"), 405, 115, "Method Not Allowed");
    }

    @Test
    void traceIsAnsweredAsAnyUnservedMethod() throws IOException {
        assertError(request("TRACE", "/v1/buckets"), 405, 115, "Method Not Allowed");
        assertError(request("TRACE", "/v1/nothing-here"), 404, 111, "Not Found");
    }

    @Test
    void anHttp09RequestLineIsRefusedWithAStatusLine() throws IOException {
        String answer = exchange("GET /v1/\nHost: localhost\r\n\r\n");
        assertError(answer, 400, 107, "Bad Request");
        assertTrue(answer.contains("\r\nContent-Type: application/json\r\n"), answer);
    }
}

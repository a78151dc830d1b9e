package org.jinto.http.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class BufferedServletResponseTest {

    /** The batch's own response: any call reaching it fails the test. */
    private static final HttpServletResponse BATCH = (HttpServletResponse) Proxy.newProxyInstance(
            BufferedServletResponseTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
                throw new AssertionError("a subresponse reached the batch's response: " + method.getName());
            });

    private final BufferedServletResponse response = new BufferedServletResponse(BATCH);

    @Test
    void headersKeepOneValuePerCaseInsensitiveNameAsKintosDict() {
        response.addHeader("ETag", "\"1\"");
        response.addHeader("etag", "\"2\"");
        response.setIntHeader("Total-Objects", 3);
        response.addIntHeader("Total-Objects", 4);
        response.setContentType("application/json");
        response.setContentLengthLong(12);
        response.setDateHeader("Last-Modified", 0);

        assertEquals(Map.of("ETag", "\"2\"", "Total-Objects", "4", "Content-Type", "application/json",
                "Content-Length", "12", "Last-Modified", "Thu, 1 Jan 1970 00:00:00 GMT"), response.headers());
        assertEquals(List.of("\"2\""), List.copyOf(response.getHeaders("ETAG")));
        assertEquals("application/json", response.getContentType());
        assertTrue(response.containsHeader("last-modified"));
        response.setHeader("ETag", null);
        assertFalse(response.containsHeader("ETag"));
        assertEquals(List.of(), List.copyOf(response.getHeaders("ETag")));
    }

    @Test
    void statusComesFromStatusErrorsAndRedirects() throws IOException {
        assertEquals(200, response.status());
        response.sendError(404, "missing");
        assertEquals(404, response.getStatus());
        response.sendRedirect("/v1/buckets/");
        assertEquals(302, response.status());
        assertEquals("/v1/buckets/", response.getHeader("Location"));
    }

    @Test
    void bodyCollectsStreamAndWriterAndResetEmptiesEverything() throws IOException {
        response.getOutputStream().write("{\"a\":".getBytes(StandardCharsets.UTF_8));
        response.getWriter().write("\"é\"}");
        response.flushBuffer();
        assertFalse(response.isCommitted(), "nothing is ever sent");
        assertArrayEquals("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8), response.body());

        response.setStatus(201);
        response.setHeader("ETag", "\"5\"");
        response.reset();
        assertEquals(200, response.status());
        assertNull(response.getHeader("ETag"));
        assertEquals(0, response.body().length);
    }
}

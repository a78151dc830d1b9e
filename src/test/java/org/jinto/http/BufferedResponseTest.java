package org.jinto.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

class BufferedResponseTest {

    /** What reached the client's response: headers by name, the Content-Length, the body bytes. */
    private final Map<String, String> sentHeaders = new HashMap<>();
    private final ByteArrayOutputStream sentBody = new ByteArrayOutputStream();
    private Long sentLength;

    private final HttpServletResponse client = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "setHeader", "addHeader" -> sentHeaders.put((String) args[0], (String) args[1]);
                    case "setContentLengthLong" -> sentLength = (Long) args[0];
                    case "getCharacterEncoding" -> {
                        return "UTF-8";
                    }
                    case "isCommitted" -> {
                        return false;
                    }
                    case "getOutputStream" -> {
                        return new ServletOutputStream() {
                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setWriteListener(WriteListener listener) {
                            }

                            @Override
                            public void write(int b) {
                                sentBody.write(b);
                            }
                        };
                    }
                    case "reset", "resetBuffer" -> {
                    }
                    default -> throw new AssertionError("unexpected call " + method.getName());
                }
                return null;
            });

    private final BufferedResponse response = new BufferedResponse(client);

    @Test
    void theBodyReachesTheClientOnlyWhenSentWithItsRealLength() throws IOException {
        response.getWriter().write("{\"é\":1}");
        response.setContentLength(3);
        response.flushBuffer();
        assertEquals(0, sentBody.size(), "nothing is sent before send()");
        assertNull(sentLength);

        response.send();
        assertEquals("{\"é\":1}", sentBody.toString(StandardCharsets.UTF_8));
        assertEquals(8L, sentLength, "the held bytes' length, not the declared one");
    }

    @Test
    void aHeadAnswerKeepsTheLengthItDeclaredWithoutABody() throws IOException {
        response.setHeader("Content-Length", " 42 ");
        response.setHeader("ETag", "\"1\"");
        response.send();
        assertEquals(42L, sentLength);
        assertEquals(0, sentBody.size());
        assertEquals(Map.of("ETag", "\"1\""), sentHeaders, "Content-Length is held back, other headers pass");
    }

    @Test
    void discardedAndResetAnswersSendNothingOfWhatWasWritten() throws IOException {
        response.getWriter().write("{\"error\": 1}");
        response.addIntHeader("Content-Length", 12);
        response.discard();
        response.send();
        assertEquals(0, sentBody.size());
        assertNull(sentLength);

        response.getOutputStream().write('x');
        response.resetBuffer();
        response.setIntHeader("Content-Length", 5);
        response.send();
        assertEquals(0, sentBody.size());
        assertEquals(5L, sentLength);
    }
}

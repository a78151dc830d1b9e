package org.jinto.launcher;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses HTTP/0.9 requests (a request line without protocol, e.g. one cut by a raw newline) with 400. Tomcat
 * serves them, answering a bare body without status line or headers, and has no setting to refuse them; an
 * HTTP/0.9 answer is written as is, so the refusal writes a complete HTTP/1.1 400 answer as that body, then
 * closes the connection (HTTP/0.9 has no keep-alive).
 */
public class Http09RefusalValve extends ValveBase {

    public Http09RefusalValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
        if (!request.getProtocol().isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        byte[] body = JsonErrorReportValve.body(400, 107, "Bad Request", "HTTP/0.9 requests are not supported.")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        response.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        response.getOutputStream().write(body);
        response.finishResponse();
    }
}

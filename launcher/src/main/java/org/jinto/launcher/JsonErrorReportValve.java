package org.jinto.launcher;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Errors Tomcat raises before the web application sees the request answered with Kinto's error JSON instead of
 * Tomcat's HTML report: an invalid URI is Kinto's 400 "Invalid URL path.", and {@code CONNECT} (which Tomcat
 * refuses with 501 before any servlet) Kinto's 405 for a method its routes do not serve.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body;
        if (status == 400) {
            body = body(400, 107, "Bad Request", "Invalid URL path.");
        } else if (status == 501 && "CONNECT".equals(request.getMethod())) {
            response.setStatus(405);
            body = body(405, 115, "Method Not Allowed", "Method not allowed on this endpoint.");
        } else if (status >= 500) {
            body = body(status, 999, "Internal Server Error", "A programmatic error occured, developers have been informed.");
        } else {
            body = body(status, 107, "Invalid parameters", "The request could not be understood.");
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed: nothing more can be sent.
        }
    }

    /** Kinto's error JSON (the texts given here need no escaping). */
    static String body(int status, int errno, String error, String message) {
        return "{\"code\":" + status + ",\"errno\":" + errno + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}";
    }
}

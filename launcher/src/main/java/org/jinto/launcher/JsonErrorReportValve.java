package org.jinto.launcher;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Errors Tomcat raises before the web application sees the request (an invalid URI, say) answered with Kinto's
 * error JSON instead of Tomcat's HTML report.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        boolean server = status >= 500;
        String body = "{\"code\":" + status + ",\"errno\":" + (server ? 999 : 107)
                + ",\"error\":\"" + (server ? "Internal Server Error" : "Invalid parameters")
                + "\",\"message\":\"" + (server ? "A programmatic error occured, developers have been informed."
                : "The request could not be understood.") + "\"}";
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
}

package org.jinto.bench.bare;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The same small JSON for every GET, with no framework in between: what Tomcat alone serves on this machine, the
 * ceiling the Jinto scenarios are read against.
 */
public class FixedJsonServlet extends HttpServlet {

    private static final byte[] BODY = "{\"project_name\":\"bare servlet\",\"http_api_version\":\"1.23\",\"ok\":true}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}

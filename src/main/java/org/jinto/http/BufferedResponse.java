package org.jinto.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Holds a response's body (and its length) back until {@link #send()}, so that nothing reaches the client before
 * the request's transaction is committed: an answer the client sees as a success is one whose data is stored.
 * Status and other headers go to the wrapped response as they are set; it stays uncommitted until sent.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";

    private final BodyBuffer body = new BodyBuffer();
    /** The length the application declared (a HEAD answer declares its entity's length and writes nothing). */
    private long declaredLength = -1;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return body.outputStream();
    }

    @Override
    public PrintWriter getWriter() {
        return body.writer(Charset.forName(getCharacterEncoding()));
    }

    @Override
    public void flushBuffer() {
        body.flush();
    }

    @Override
    public void resetBuffer() {
        body.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        body.reset();
        declaredLength = -1;
        super.reset();
    }

    @Override
    public void setContentLength(int length) {
        declaredLength = length;
    }

    @Override
    public void setContentLengthLong(long length) {
        declaredLength = length;
    }

    @Override
    public void setHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            declaredLength = value == null ? -1 : Long.parseLong(value.strip());
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (CONTENT_LENGTH.equalsIgnoreCase(name)) {
            setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    /** Discards what the application wrote, to answer something else instead. */
    void discard() {
        reset();
    }

    /** Writes the held body to the client. */
    void send() throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (response.isCommitted()) {
            return;
        }
        if (body.size() > 0) {
            response.setContentLengthLong(body.size());
            body.writeTo(response.getOutputStream());
        } else if (declaredLength >= 0) {
            response.setContentLengthLong(declaredLength);
        }
    }
}

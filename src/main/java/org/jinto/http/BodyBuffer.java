package org.jinto.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response body held in memory: the output stream and writer a response wrapper hands to the application,
 * written synchronously into one byte buffer. Used where an answer must not reach the client as it is written
 * (until the transaction commits; a batch subrequest's answer).
 */
public final class BodyBuffer {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("A buffered body is written synchronously");
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            bytes.write(data, offset, length);
        }
    };
    private PrintWriter writer;

    public ServletOutputStream outputStream() {
        return stream;
    }

    /** The writer over the same buffer, created on first use with the charset the response has then. */
    public PrintWriter writer(Charset charset) {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream, charset));
        }
        return writer;
    }

    /** Pushes what the writer holds into the buffer. */
    public void flush() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Empties the buffer; a later writer may use another charset. */
    public void reset() {
        bytes.reset();
        writer = null;
    }

    public int size() {
        flush();
        return bytes.size();
    }

    public byte[] toByteArray() {
        flush();
        return bytes.toByteArray();
    }

    public void writeTo(OutputStream out) throws IOException {
        flush();
        bytes.writeTo(out);
    }
}

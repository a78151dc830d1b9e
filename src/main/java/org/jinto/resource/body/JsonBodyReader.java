package org.jinto.resource.body;

import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;
import org.jinto.resource.errors.ErrorDetail;
import org.jinto.resource.errors.InvalidParameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request body as Kinto does ({@code request.json_body}: decode with the Content-Type charset, then
 * python-rapidjson), with limits that keep the server safe: at most {@code maxBytes} bytes (413 errno 113, Kinto's
 * "Request body too large") and at most {@code maxDepth} levels of nesting.
 * <p>
 * A bad body is Kinto's 400 errno 107 with two details, {@code Invalid JSON: <reason>} and {@code Required}, both at
 * location {@code body} with name {@code ""} (Cornice drops the unreadable body, then the schema misses it); so is
 * JSON that is neither an object nor an array ({@code Should be a JSON object or an array}).
 * An empty body reads as an empty object, as Cornice does.
 * <p>
 * The text is read by {@link RapidJson}: Kinto's messages, Python's number types.
 */
public final class JsonBodyReader {

    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 256;

    private final long maxBytes;
    private final int maxDepth;

    public JsonBodyReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    public static JsonBodyReader withDefaults() {
        return new JsonBodyReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    /** Reads the stream, refusing more than {@code maxBytes} without buffering the excess. */
    public JsonValue read(InputStream body, String contentType) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return read(bytes, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }

    public JsonValue read(byte[] body, String contentType) {
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return RapidJson.loads(decode(body, charset(contentType)), maxDepth);
        } catch (Utf8Text.MalformedText | RapidJson.InvalidJson e) {
            throw invalidJson(e.getMessage());
        }
    }

    /**
     * A request body as Cornice's {@code extract_cstruct} takes it: JSON that is neither an object nor an array is
     * dropped as unreadable JSON is ({@code Should be a JSON object or an array}, then {@code Required}).
     */
    public JsonStructure readRequestBody(byte[] body, String contentType) {
        if (read(body, contentType) instanceof JsonStructure structure) {
            return structure;
        }
        throw unreadable("Should be a JSON object or an array");
    }

    private KintoException tooLarge() {
        return new KintoException(413, Errno.REQUEST_TOO_LARGE, "Request Entity Too Large",
                "Request body too large (limit: " + maxBytes + " bytes)");
    }

    static KintoException invalidJson(String reason) {
        return unreadable("Invalid JSON: " + reason);
    }

    private static KintoException unreadable(String description) {
        return InvalidParameters.of(List.of(
                ErrorDetail.of("body", "", description),
                ErrorDetail.of("body", "", "Required")));
    }

    /** The {@code charset} parameter of the Content-Type, UTF-8 when absent (WebOb's default). */
    static String charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    return pair[1].trim().replace("\"", "");
                }
            }
        }
        return "utf-8";
    }

    private static String decode(byte[] body, String charsetName) {
        String normalized = charsetName.toLowerCase(Locale.ROOT).replace('_', '-');
        if (normalized.equals("utf-8") || normalized.equals("utf8")) {
            return Utf8Text.decode(body);
        }
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalidJson("unknown encoding: " + charsetName);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8Text.decode(body);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            boolean ascii = charset.equals(StandardCharsets.US_ASCII);
            throw invalidJson(String.format("'%s' codec can't decode byte 0x%02x in position %d: %s",
                    ascii ? "ascii" : charsetName, body[in.position()] & 0xff, in.position(),
                    ascii ? "ordinal not in range(128)" : "invalid start byte"));
        }
        return out.flip().toString();
    }
}

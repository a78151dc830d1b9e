package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query parameters in the order they were written, as WebOb reads them: pairs split on {@code &} and
 * {@code ;}, {@code +} is a space, percent-escapes decode as UTF-8, a name without {@code =} has an empty value.
 */
public final class QueryString {

    private final Map<String, List<String>> parameters;

    private QueryString(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    public static QueryString empty() {
        return new QueryString(Map.of());
    }

    /** Keeps the iteration order of {@code parameters} (use an ordered map). */
    public static QueryString of(Map<String, List<String>> parameters) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new QueryString(Collections.unmodifiableMap(copy));
    }

    /**
     * Parses the raw (still escaped) query string of a request URI; null or empty gives no parameter.
     * @throws KintoException 400 as Kinto when an escape does not decode as UTF-8
     */
    public static QueryString parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("[&;]")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = unescape(equals < 0 ? pair : pair.substring(0, equals), rawQuery);
                String value = equals < 0 ? "" : unescape(pair.substring(equals + 1), rawQuery);
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return of(parameters);
    }

    private static String unescape(String text, String rawQuery) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new KintoException(400, Errno.INVALID_PARAMETERS, "Bad Request",
                    // Kinto's text, its missing space included ("was" "received" concatenated in kinto/core/errors.py)
                    "A request with an incorrect encoding in the querystring wasreceived. "
                            + "Please make sure your requests are encoded in UTF-8: " + rawQuery);
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    public Set<String> names() {
        return parameters.keySet();
    }

    public List<String> values(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /** WebOb's {@code mixed()}: one value as a JSON string, several as a JSON array of strings, absent as null. */
    public JsonValue mixed(String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() == 1) {
            return JSON.createValue(values.get(0));
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    /** Python's {@code dict()} of WebOb's parameters, as Kinto logs them: the last value of a repeated name wins. */
    public Map<String, String> lastValues() {
        Map<String, String> last = new LinkedHashMap<>();
        parameters.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    public Map<String, List<String>> asMap() {
        return parameters;
    }
}

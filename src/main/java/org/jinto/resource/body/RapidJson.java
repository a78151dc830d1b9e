package org.jinto.resource.body;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import org.eclipse.parsson.api.JsonConfig;

import java.io.StringReader;
import java.util.Map;

/**
 * Kinto's {@code json.loads} (python-rapidjson): the syntax check and error messages of {@link RapidJsonSyntax},
 * then the value built by the JSON-P reader, with Python's number types (an integer stays exact, a number written
 * with a fraction or an exponent becomes a double).
 */
public final class RapidJson {

    private static final JsonReaderFactory READERS = JSON.createReaderFactory(
            Map.of(JsonConfig.MAX_BIGDECIMAL_LEN, RapidJsonSyntax.MAX_NUMBER_LENGTH));

    private RapidJson() {
    }

    /** @throws InvalidJson with rapidjson's message ({@code Parse error at offset N: ...}) */
    public static JsonValue loads(String text, int maxDepth) {
        int end;
        try {
            end = RapidJsonSyntax.check(text, maxDepth);
        } catch (RapidJsonSyntax.SyntaxProblem e) {
            throw new InvalidJson(e.getMessage());
        }
        try (JsonReader reader = READERS.createReader(new StringReader(text.substring(0, end)))) {
            return pythonNumbers(reader.readValue());
        }
    }

    private static JsonValue pythonNumbers(JsonValue value) {
        if (!containsDecimal(value)) {
            return value;
        }
        switch (value.getValueType()) {
            case NUMBER -> {
                return JSON.createValue(((JsonNumber) value).doubleValue());
            }
            case OBJECT -> {
                JsonObjectBuilder builder = JSON.createObjectBuilder();
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    builder.add(member.getKey(), pythonNumbers(member.getValue()));
                }
                return builder.build();
            }
            default -> {
                JsonArrayBuilder builder = JSON.createArrayBuilder();
                value.asJsonArray().forEach(item -> builder.add(pythonNumbers(item)));
                return builder.build();
            }
        }
    }

    private static boolean containsDecimal(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().scale() != 0;
            case OBJECT -> ((JsonObject) value).values().stream().anyMatch(RapidJson::containsDecimal);
            case ARRAY -> ((JsonArray) value).stream().anyMatch(RapidJson::containsDecimal);
            default -> false;
        };
    }

    /** The text is not JSON as Kinto reads it. */
    public static final class InvalidJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message, null, false, false);
        }
    }
}

package org.jinto.json;

import static org.jinto.api.Jsonp.JSON;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;

/**
 * Reads JSON text into JSON-P values with Python's number types, as Kinto's {@code json.loads}: a number written
 * without fraction or exponent is an exact integer of any size, any other ({@code 2.5}, {@code 1e23},
 * {@code 123456.789e3}) a {@link JsonFloat}. JSON-P readers cannot tell {@code 123456.789e3} from
 * {@code 123456789}; Jackson's tokens can. Callers bound the size and depth of the text.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            .build();

    private JsonText() {
    }

    /** @throws IllegalArgumentException when the text is not one JSON value */
    public static JsonValue read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("No JSON value");
            }
            JsonValue value = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("More than one JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonValue value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    object.add(name, value(parser, parser.nextToken()));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                yield array.build();
            }
            case VALUE_STRING -> JSON.createValue(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> JSON.createValue(parser.getIntValue());
                case LONG -> JSON.createValue(parser.getLongValue());
                default -> JSON.createValue(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> new JsonFloat(parser.getDoubleValue());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new IllegalArgumentException("Unexpected JSON token " + token);
        };
    }
}

package org.jinto.resource.body;

import jakarta.json.JsonValue;
import org.jinto.json.JsonText;

/**
 * Kinto's {@code json.loads} (python-rapidjson): the syntax check and error messages of {@link RapidJsonSyntax},
 * then the value built by {@link JsonText}, with Python's number types (an integer stays exact, a number written
 * with a fraction or an exponent becomes a float).
 */
public final class RapidJson {

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
        return JsonText.read(text.substring(0, end));
    }

    /** The text is not JSON as Kinto reads it. */
    public static final class InvalidJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message, null, false, false);
        }
    }
}

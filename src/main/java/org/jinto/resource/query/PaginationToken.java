package org.jinto.resource.query;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jinto.resource.body.JsonBodyReader;
import org.jinto.resource.body.RapidJson;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Kinto's opaque {@code _token}: base64 of {@code {"last_object": {...}, "offset": n, "nonce": "..."}} where
 * {@code last_object} holds the sort-field values of the last object of the previous page.
 *
 * @param lastObject sort field (dotted name as written in {@code _sort}) to the value it had
 * @param offset     how many objects the previous pages fetched (Kinto counts the look-ahead object too)
 * @param nonce      {@code pagination-token-<uuid4>}; for plural DELETE it is kept in the cache until used
 */
record PaginationToken(JsonObject lastObject, long offset, String nonce) {

    static PaginationToken create(JsonObject lastObject, long offset) {
        return new PaginationToken(lastObject, offset, "pagination-token-" + UUID.randomUUID());
    }

    String encode() {
        String json = JSON.createObjectBuilder()
                .add("last_object", lastObject)
                .add("offset", offset)
                .add("nonce", nonce)
                .build().toString();
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token as Kinto does (lenient base64, strict UTF-8, JSON object with the three members), also refusing
     * what would make the storage fail: a non-object {@code last_object}, a negative or fractional offset, a
     * non-string nonce, a non-integer {@code last_modified} or a non-string {@code id}.
     */
    static Optional<PaginationToken> decode(String token) {
        try {
            String json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(base64(token))).toString();
            if (!(RapidJson.loads(json, JsonBodyReader.DEFAULT_MAX_DEPTH) instanceof JsonObject info)
                    || !(info.get("last_object") instanceof JsonObject lastObject)
                    || !(info.get("offset") instanceof JsonNumber offset) || !offset.isIntegral()
                    || offset.bigDecimalValue().signum() < 0
                    || !(info.get("nonce") instanceof JsonString nonce)
                    || !isSafe(lastObject)) {
                return Optional.empty();
            }
            return Optional.of(new PaginationToken(lastObject, offset.longValueExact(), nonce.getString()));
        } catch (IllegalArgumentException | ArithmeticException | CharacterCodingException | RapidJson.InvalidJson e) {
            return Optional.empty();
        }
    }

    /** Python's non-validating b64decode: characters outside the alphabet are skipped, padding is required. */
    private static byte[] base64(String token) {
        String alphabet = token.replaceAll("[^A-Za-z0-9+/=]", "");
        if (alphabet.length() % 4 != 0) {
            throw new IllegalArgumentException("Incorrect padding");
        }
        return Base64.getDecoder().decode(alphabet);
    }

    private static boolean isSafe(JsonObject lastObject) {
        JsonValue modified = lastObject.get("last_modified");
        JsonValue id = lastObject.get("id");
        return (modified == null || (modified instanceof JsonNumber number && number.isIntegral()))
                && (id == null || id instanceof JsonString);
    }
}

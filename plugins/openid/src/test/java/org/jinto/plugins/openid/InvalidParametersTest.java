package org.jinto.plugins.openid;

import jakarta.json.JsonObject;
import org.jinto.api.http.KintoException;
import org.junit.jupiter.api.Test;

import static org.jinto.api.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kinto's {@code json_error_handler}: the message of the first error by name, every error in the details. */
class InvalidParametersTest {

    @Test
    void messageFromTheFirstErrorByName() {
        KintoException error = assertThrows(KintoException.class, () -> new InvalidParameters()
                .add("querystring", "scope", "Required").add("querystring", "callback", "Required").raiseIfAny());
        assertEquals(400, error.status());
        assertEquals(107, error.errno().number());
        assertEquals("Invalid parameters", error.error());
        assertEquals("callback in querystring: Required", error.getMessage());
        assertEquals("callback", error.details().asJsonArray().getJsonObject(0).getString("name"));
        assertEquals(2, error.details().asJsonArray().size());
    }

    @Test
    void descriptionNamingTheParameterIsTheMessage() {
        KintoException error = assertThrows(KintoException.class, () -> new InvalidParameters()
                .add(JSON.createObjectBuilder().add("location", "body").add("name", "state")
                        .add("description", "Invalid state").add("errno", 105)).raiseIfAny());
        assertEquals("Invalid state", error.getMessage());
        JsonObject detail = error.details().asJsonArray().getJsonObject(0);
        assertEquals(105, detail.getInt("errno"));
    }

    @Test
    void noErrorNoAnswer() {
        assertDoesNotThrow(() -> new InvalidParameters().raiseIfAny());
    }
}

package org.jinto.resource.errors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.jinto.api.http.KintoException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions on Kinto's "Invalid parameters" errors. */
public final class KintoErrors {

    private KintoErrors() {
    }

    /** Runs {@code action}, expects a 400 errno 107 with exactly this message and these details. */
    public static KintoException assertInvalid(Executable action, String message, ErrorDetail... details) {
        KintoException error = assertThrows(KintoException.class, action);
        assertEquals(400, error.status());
        assertEquals(107, error.errno().number());
        assertEquals("Invalid parameters", error.error());
        JsonArrayBuilder expected = Json.createArrayBuilder();
        for (ErrorDetail detail : details) {
            expected.add(detail.toJson());
        }
        assertEquals(expected.build(), error.details());
        assertEquals(message, error.getMessage());
        return error;
    }

    public static ErrorDetail detail(String location, String name, String description) {
        return ErrorDetail.of(location, name, description);
    }
}

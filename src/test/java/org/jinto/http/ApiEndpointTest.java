package org.jinto.http;

import static org.jinto.api.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jinto.json.JsonFloat;
import org.jinto.resource.ApiResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

class ApiEndpointTest {

    /** Clients compare answers byte for byte: printing into the stream must give what the JSON's text is. */
    @Test
    void answersPrintTheBytesOfTheJsonText() throws Exception {
        JsonValue body = JSON.createObjectBuilder()
                .add("data", JSON.createObjectBuilder()
                        .add("id", "r\u00e9\u2603\ud83d\ude00\"\\\n")
                        .add("float", new JsonFloat(1e23))
                        .add("half", new JsonFloat(2.5))
                        .add("big", new BigInteger("123456789012345678901234567890"))
                        .add("none", JsonValue.NULL)
                        .add("list", JSON.createArrayBuilder().add(1).add(true).add(JSON.createObjectBuilder())))
                .build();
        Response response = ApiEndpoint.toResponse(new ApiResponse(200, body).header("ETag", "\"1\""));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(printed);

        assertArrayEquals(body.toString().getBytes(StandardCharsets.UTF_8), printed.toByteArray());
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals("\"1\"", response.getHeaderString("ETag"));
    }
}

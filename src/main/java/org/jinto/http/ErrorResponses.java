package org.jinto.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jinto.api.Settings;
import org.jinto.api.http.KintoException;
import org.jinto.errors.KintoErrors;

/** A Kinto error as the JAX-RS response carrying its JSON and headers. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response response(KintoException e, Settings settings) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(KintoErrors.body(e).toString());
        KintoErrors.headers(e, settings).forEach(builder::header);
        return builder.build();
    }
}

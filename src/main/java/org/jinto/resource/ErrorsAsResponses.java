package org.jinto.resource;

import org.jinto.api.http.KintoException;
import org.jinto.errors.KintoErrors;

/** A {@link KintoException} as an {@link ApiResponse} carrying Kinto's error JSON and the exception's headers. */
final class ErrorsAsResponses {

    private ErrorsAsResponses() {
    }

    static ApiResponse of(KintoException e) {
        ApiResponse response = new ApiResponse(e.status(),
                KintoErrors.body(e.status(), e.errno(), e.error(), e.getMessage(), e.details()), e.errno());
        e.headers().forEach(response::header);
        return response;
    }
}

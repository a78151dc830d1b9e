package org.jinto.http.openapi;

import io.swagger.models.Model;
import io.swagger.models.ModelImpl;
import io.swagger.models.RefModel;
import io.swagger.models.Response;
import io.swagger.models.properties.IntegerProperty;
import io.swagger.models.properties.LongProperty;
import io.swagger.models.properties.ObjectProperty;
import io.swagger.models.properties.Property;
import io.swagger.models.properties.StringProperty;

import java.util.Map;

/** The schemas every part of the description shares: Kinto's error JSON, stored objects, error responses. */
final class KintoSchemas {

    static final String ERROR = "Error";
    /** What Kinto's errors mean, by status. */
    private static final Map<Integer, String> ERROR_MEANINGS = Map.of(
            400, "Invalid request parameters or body.",
            401, "The request needs authentication.",
            403, "The caller may not do this.",
            404, "The object or its parent does not exist.",
            405, "Method not allowed (e.g. a write on a read-only server).",
            406, "The client does not accept JSON.",
            412, "An If-Match or If-None-Match precondition failed.",
            415, "The body is not JSON.");

    private KintoSchemas() {
    }

    /** Kinto's error JSON: {@code {code, errno, error, message?, info?, details?}}. */
    static Model error() {
        return new ModelImpl().type(ModelImpl.OBJECT).description("Kinto's error answer.")
                .property("code", new IntegerProperty().description("The HTTP status."))
                .property("errno", new IntegerProperty().description("Kinto's error number."))
                .property("error", new StringProperty().description("The status text."))
                .property("message", new StringProperty())
                .property("info", new StringProperty())
                .property("details", new ObjectProperty())
                .required("code").required("errno").required("error");
    }

    /** A stored object: its {@code id}, {@code last_modified} and any other field. */
    static Model storedObject(String description) {
        return new ModelImpl().type(ModelImpl.OBJECT).description(description)
                .property("id", new StringProperty())
                .property("last_modified", new LongProperty());
    }

    /** An object of named properties, e.g. {@code {data: ..., permissions: ...}}. */
    static ModelImpl object(Map<String, Property> properties) {
        ModelImpl model = new ModelImpl().type(ModelImpl.OBJECT);
        properties.forEach(model::property);
        return model;
    }

    static Response errorResponse(int status) {
        return errorResponse(ERROR_MEANINGS.get(status));
    }

    static Response errorResponse(String description) {
        return new Response().description(description).responseSchema(new RefModel(ERROR));
    }
}

package org.jinto.api.http;

/** Kinto's error numbers (docs/api/1.x/errors.rst). */
public enum Errno {
    MISSING_AUTH_TOKEN(104),
    INVALID_AUTH_TOKEN(105),
    BADJSON(106),
    INVALID_PARAMETERS(107),
    MISSING_PARAMETERS(108),
    INVALID_POSTED_DATA(109),
    INVALID_RESOURCE_ID(110),
    MISSING_RESOURCE(111),
    MISSING_CONTENT_LENGTH(112),
    REQUEST_TOO_LARGE(113),
    MODIFIED_MEANWHILE(114),
    METHOD_NOT_ALLOWED(115),
    VERSION_NOT_AVAILABLE(116),
    CLIENT_REACHED_CAPACITY(117),
    FORBIDDEN(121),
    CONSTRAINT_VIOLATED(122),
    BACKEND(201),
    SERVICE_DEPRECATED(202),
    UNDEFINED(999);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}

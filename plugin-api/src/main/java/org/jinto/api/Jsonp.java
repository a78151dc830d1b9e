package org.jinto.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look the provider up
 * through {@link java.util.ServiceLoader} on every call; in a web application that scan of the class path was a
 * sixth of a request's CPU time. Use {@code JSON.createObjectBuilder()} and its siblings instead.
 */
public final class Jsonp {
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}

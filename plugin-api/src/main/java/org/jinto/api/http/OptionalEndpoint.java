package org.jinto.api.http;

/**
 * A JAX-RS resource served only while the settings turn its feature on (a plugin's endpoint): otherwise it answers
 * 404, and the API description ({@code GET /v1/__api__}) leaves it out.
 */
public interface OptionalEndpoint {

    /** Whether the endpoint is served with the current settings. */
    boolean isServed();
}

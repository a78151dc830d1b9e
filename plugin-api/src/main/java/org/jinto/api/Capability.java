package org.jinto.api;

import jakarta.json.JsonObject;

/**
 * A feature advertised in the {@code capabilities} of {@code GET /v1/}. Plugins expose one as a CDI bean
 * (a producer method; a {@code @Dependent} producer returns null while the feature is turned off).
 *
 * @param id          key in the capabilities object, e.g. {@code history}
 * @param description human-readable description
 * @param url         documentation URL
 * @param extra       additional members (may be empty), e.g. {@code {"validation_enabled": false}}
 */
public record Capability(String id, String description, String url, JsonObject extra) {
}

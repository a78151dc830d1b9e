/**
 * The HTTP layer: the JAX-RS application under {@code /v1}, its endpoints and filters. {@code ApiEndpoint} turns a
 * request into an {@code ApiRequest} for the resource engine; errors become Kinto's error JSON here.
 */
package org.jinto.http;

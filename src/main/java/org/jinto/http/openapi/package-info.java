/**
 * {@code GET /v1/__api__}: the OpenAPI description generated from the resource types and the JAX-RS endpoints
 * served.
 */
package org.jinto.http.openapi;

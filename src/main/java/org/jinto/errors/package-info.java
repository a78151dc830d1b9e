/**
 * Kinto's errors for every way out (HTTP responses, batch subresponses, API responses): the usual exceptions, the
 * error JSON and the {@code Retry-After} header.
 */
package org.jinto.errors;

/**
 * Kinto's {@code kinto.plugins.flush}: {@code POST /v1/__flush__} removes everything from the three backends
 * (for test servers only).
 */
package org.jinto.plugins.flush;

/**
 * Kinto's errors (errno, {@code KintoException}) and optional endpoints.
 */
package org.jinto.api.http;

/**
 * Kinto's "Invalid parameters" error ({@link org.jinto.resource.errors.InvalidParameters}: 400 errno 107 with
 * {@code details} and the message Kinto derives from them) and Python's printing of values
 * ({@link org.jinto.resource.errors.Python}), which Kinto's error texts embed.
 */
package org.jinto.resource.errors;

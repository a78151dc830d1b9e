/**
 * Request bodies read as Kinto reads them.
 * <ul>
 * <li>{@link org.jinto.resource.body.JsonBodyReader#read(java.io.InputStream, String)}: bytes and Content-Type to a
 * JSON value; an empty body is {@code {}}; malformed JSON, a bad charset or too deep nesting is Kinto's 400
 * {@code Invalid JSON: ...} (python-rapidjson's messages); more than the byte limit is 413 errno 113.</li>
 * <li>{@link org.jinto.resource.body.ObjectBody#of}: the value as {@code {"data", "permissions"}} with Kinto's
 * schema errors (not a mapping, unknown permission, principals not a list...).</li>
 * <li>{@link org.jinto.resource.body.RapidJson#loads}: Kinto's {@code json.loads} on any text.</li>
 * </ul>
 */
package org.jinto.resource.body;

/**
 * JSON text as Python's {@code json} module writes and reads it: numbers keep their type and shortest form ({@code
 * JsonText} reads with jackson-core, {@code JsonFloat} writes floats as Python's repr).
 */
package org.jinto.json;

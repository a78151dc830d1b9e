/**
 * Kinto's {@code kinto.plugins.counters}: the {@code __counters__} endpoint with the number of objects per resource
 * type, and its capability.
 */
package org.jinto.plugins.counters;

/**
 * The cache backend interface.
 */
package org.jinto.api.cache;

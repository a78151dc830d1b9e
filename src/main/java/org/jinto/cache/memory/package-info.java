/**
 * The in-process cache backend ({@code kinto.core.cache.memory}).
 */
package org.jinto.cache.memory;

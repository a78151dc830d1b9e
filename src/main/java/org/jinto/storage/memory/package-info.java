/**
 * The in-process storage backend ({@code kinto.core.storage.memory}).
 */
package org.jinto.storage.memory;

/**
 * The in-process permission backend ({@code kinto.core.permission.memory}).
 */
package org.jinto.permission.memory;

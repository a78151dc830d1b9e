/**
 * The permission backend interface.
 */
package org.jinto.api.permission;

/**
 * Resource types a plugin can declare.
 */
package org.jinto.api.resource;

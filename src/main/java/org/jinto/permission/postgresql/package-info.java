/**
 * The PostgreSQL permission backend ({@code kinto.core.permission.postgresql}): Kinto's {@code
 * access_control_entries} and {@code user_principals} tables.
 */
package org.jinto.permission.postgresql;

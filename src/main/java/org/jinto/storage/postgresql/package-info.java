/**
 * The PostgreSQL storage backend ({@code kinto.core.storage.postgresql}): Kinto's {@code objects} and {@code
 * timestamps} tables, filters and sorting in SQL.
 */
package org.jinto.storage.postgresql;

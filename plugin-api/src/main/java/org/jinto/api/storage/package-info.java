/**
 * The storage backend interface, its queries (filters, sorting, pagination) and failures.
 */
package org.jinto.api.storage;

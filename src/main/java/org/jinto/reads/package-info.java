/**
 * The read-ahead of a read request: everything a {@code GET} or {@code HEAD} will ask the storage and permission
 * backends (the object, its parents, the list timestamp, the ACEs its authorization and answer need, the user's
 * groups), asked in one go. {@link org.jinto.reads.Reads} is answered by {@link org.jinto.reads.BackendReads}
 * through the backends' own calls, or in one statement when both backends share one PostgreSQL database
 * ({@code org.jinto.storage.postgresql.SharedDatabaseReads}).
 */
package org.jinto.reads;

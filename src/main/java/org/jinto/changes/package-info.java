/**
 * The change stream: subscriptions to the committed changes of a collection, a bucket or everything a caller may
 * read, replayed from storage since a timestamp, then live, filtered by the subscriber's read permissions. Free of
 * JAX-RS and servlets: the HTTP layer hands each subscription a {@link org.jinto.changes.ChangeSink}.
 */
package org.jinto.changes;

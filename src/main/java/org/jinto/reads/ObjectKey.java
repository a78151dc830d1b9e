package org.jinto.reads;

/** One stored object: its resource name, parent id and id, as the storage backend keys it. */
public record ObjectKey(String resourceName, String parentId, String id) {
}

package org.jinto.api.storage;

/** How many live objects and tombstones of one resource name are stored, whatever their parents. */
public record ObjectCounts(long objects, long tombstones) {

    public static final ObjectCounts NONE = new ObjectCounts(0, 0);
}

package org.jinto.resource;

/**
 * Called by the engine after each change and each read of resource objects, in the request, before its answer
 * is sent (Kinto's {@code ResourceChanged} / {@code ResourceRead} subscribers). Implementations are CDI beans;
 * a listener that throws fails the request. Kinto's cascades (children of a deleted bucket, group memberships)
 * are listeners; the events plugin is another.
 */
public interface ResourceListener {

    /** Objects were created, updated or deleted. */
    void changed(ResourceChange change);

    /** Objects were read (single object or list); called only if {@link #wantsReads()}. */
    default void read(ResourceChange read) {
    }

    /** Whether {@link #read} does anything: most listeners ignore reads, and a read nobody wants is not described. */
    default boolean wantsReads() {
        return false;
    }
}

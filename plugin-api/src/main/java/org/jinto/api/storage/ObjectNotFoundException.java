package org.jinto.api.storage;

/** Raised by a storage or permission backend when the object asked for does not exist. */
public class ObjectNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String resourceName, String parentId, String id) {
        super(resourceName + " " + id + " not found in " + parentId);
    }
}

package org.jinto.reads;

import java.util.List;

/**
 * What one read request will need from the backends.
 *
 * @param groupsOf          the user whose groups (Kinto's user principals) to read, or null
 * @param objects           objects to read (live ones only), e.g. the addressed object and its parent collection
 * @param timestampResource resource name of the timestamp to read (with {@code timestampParent}), or null
 * @param timestampParent   parent id of that timestamp
 * @param aclObjects        object ids (URIs, no wildcards) whose every ACE to read
 */
public record ReadAhead(String groupsOf, List<ObjectKey> objects, String timestampResource, String timestampParent,
                        List<String> aclObjects) {

    public ReadAhead {
        objects = List.copyOf(objects);
        aclObjects = List.copyOf(aclObjects);
    }
}

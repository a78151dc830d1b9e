package org.jinto.reads;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.storage.memory.MemoryStorage;

/** The read-ahead through the backends' calls, on the memory backends. */
class MemoryReadsTest extends ReadsContract {

    MemoryReadsTest() {
        this(new MemoryStorage(), new MemoryPermission());
    }

    private MemoryReadsTest(Storage storage, PermissionBackend permission) {
        super(storage, permission, new BackendReads(storage, permission), false);
    }
}

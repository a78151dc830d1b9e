package org.jinto.reads;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.storage.memory.MemoryStorage;

/** The read-ahead through the backends' calls, on the memory backends. */
class MemoryReadsTest extends ReadsContract {

    MemoryReadsTest() {
        super(new MemoryStorage(), new MemoryPermission());
    }

    @Override
    protected Reads reads(Storage storage, PermissionBackend permission) {
        return new BackendReads(storage, permission);
    }

    @Override
    protected boolean readsTimestamps() {
        return false;
    }
}

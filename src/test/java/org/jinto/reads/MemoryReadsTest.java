package org.jinto.reads;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.api.storage.Storage;
import org.jinto.permission.memory.MemoryPermission;
import org.jinto.storage.memory.MemoryStorage;

/** The read-ahead through the backends' calls, on the memory backends. */
class MemoryReadsTest extends ReadsContract {

    private final Storage storage = new MemoryStorage();
    private final PermissionBackend permission = new MemoryPermission();

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected PermissionBackend permission() {
        return permission;
    }

    @Override
    protected Reads reads() {
        return new BackendReads(storage, permission);
    }

    @Override
    protected boolean readsTimestamps() {
        return false;
    }
}

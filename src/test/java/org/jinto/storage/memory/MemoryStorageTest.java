package org.jinto.storage.memory;

import org.jinto.api.storage.Storage;
import org.jinto.storage.StorageContract;

class MemoryStorageTest extends StorageContract {

    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}

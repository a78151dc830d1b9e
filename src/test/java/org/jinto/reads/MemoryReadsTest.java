package org.jinto.reads;

import org.jinto.permission.memory.MemoryPermission;
import org.jinto.storage.memory.MemoryStorage;

/** The read-ahead through the backends' calls, on the memory backends. */
class MemoryReadsTest extends ReadsContract {

    MemoryReadsTest() {
        super(new MemoryStorage(), new MemoryPermission(), BackendReads::new, false);
    }
}

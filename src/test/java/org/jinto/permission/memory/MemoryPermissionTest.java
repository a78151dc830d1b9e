package org.jinto.permission.memory;

import org.jinto.api.permission.PermissionBackend;
import org.jinto.permission.PermissionContract;

class MemoryPermissionTest extends PermissionContract {

    @Override
    protected PermissionBackend newPermission() {
        return new MemoryPermission();
    }
}

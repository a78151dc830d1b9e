package org.jinto.cache.memory;

import org.jinto.api.cache.Cache;
import org.jinto.cache.CacheContract;

class MemoryCacheTest extends CacheContract {

    @Override
    protected Cache emptyCache() {
        return new MemoryCache();
    }
}

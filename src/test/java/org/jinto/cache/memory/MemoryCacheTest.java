package org.jinto.cache.memory;

import org.jinto.api.cache.Cache;
import org.jinto.cache.CacheContract;
import org.threeten.extra.MutableClock;

import java.time.Duration;

class MemoryCacheTest extends CacheContract {

    private final MutableClock clock = MutableClock.epochUTC();

    @Override
    protected Cache emptyCache() {
        return new MemoryCache(clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.add(duration);
    }
}

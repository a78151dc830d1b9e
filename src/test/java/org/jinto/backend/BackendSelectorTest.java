package org.jinto.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackendSelectorTest {

    @Test
    void acceptsShortAndKintoDottedNames() {
        assertEquals("memory", BackendSelector.shortName("memory"));
        assertEquals("postgresql", BackendSelector.shortName("kinto.core.storage.postgresql"));
        assertEquals("memory", BackendSelector.shortName("kinto.core.permission.memory"));
        assertEquals("redis", BackendSelector.shortName("kinto_redis.cache"));
        assertEquals("redis", BackendSelector.shortName("kinto_redis.listeners"));
        assertEquals("postgresql", BackendSelector.shortName("PostgreSQL"));
    }
}

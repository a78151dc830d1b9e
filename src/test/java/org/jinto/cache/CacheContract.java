package org.jinto.cache;

import org.jinto.api.cache.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every cache backend shares (Kinto's CacheBase); each backend's test extends it.
 * <p>
 * Ported from Kinto 25.0.2's {@code kinto/core/cache/testing.py}: every case that applies to this interface.
 * Elsewhere: the key prefix and backend errors ({@code RedisCacheTest}; the memory cache's store belongs to one
 * instance, so a prefix could not separate anything, and it cannot fail). Not applicable: schemas (no cache keeps
 * one), values other than strings (callers store JSON text), logging.
 */
public abstract class CacheContract {

    protected Cache cache;

    /** A cache holding no entries. */
    protected abstract Cache emptyCache();

    /** Lets {@code duration} pass for the cache: its clock moved, or a real wait where the server keeps time. */
    protected abstract void elapse(Duration duration) throws InterruptedException;

    @BeforeEach
    void createCache() {
        cache = emptyCache();
    }

    @Test
    void storesAndReplacesValues() {
        assertNull(cache.get("k"));
        cache.set("k", "v1", 60);
        assertEquals("v1", cache.get("k"));
        cache.set("k", "v2", 60);
        assertEquals("v2", cache.get("k"));
    }

    @Test
    void valuesAndKeysAreStringsAsGiven() {
        String value = "{\"é\": [1, 2], \"emoji\": \"\uD83D\uDE00\"}";
        cache.set("clé:ü", value, 60);
        assertEquals(value, cache.get("clé:ü"));
        cache.set("empty", "", 60);
        assertEquals("", cache.get("empty"));
        String large = "x".repeat(200_000);
        cache.set("large", large, 60);
        assertEquals(large, cache.get("large"));
    }

    @Test
    void deleteReturnsTheValueItRemoved() {
        cache.set("k", "v", 60);
        assertEquals("v", cache.delete("k"));
        assertNull(cache.get("k"));
        assertNull(cache.delete("k"));
    }

    @Test
    void ttlCountsDownFromTheSetValue() {
        cache.set("k", "v", 100);
        long ttl = cache.ttl("k");
        assertTrue(ttl >= 99 && ttl <= 100, "ttl " + ttl);
        assertEquals(-1, cache.ttl("absent"));
    }

    @Test
    void entriesExpire() throws InterruptedException {
        cache.set("short", "v", 1);
        cache.set("long", "v", 60);
        elapse(Duration.ofMillis(1100));
        assertNull(cache.get("short"));
        assertEquals(-1, cache.ttl("short"));
        assertEquals("v", cache.get("long"));
    }

    @Test
    void expireSetsANewTimeToLive() throws InterruptedException {
        cache.set("lengthened", "v", 1);
        cache.expire("lengthened", 30);
        cache.set("shortened", "v", 60);
        cache.expire("shortened", 1);
        cache.expire("absent", 30);
        elapse(Duration.ofMillis(1100));
        assertEquals("v", cache.get("lengthened"));
        long ttl = cache.ttl("lengthened");
        assertTrue(ttl >= 27 && ttl <= 29, "ttl " + ttl);
        assertNull(cache.get("shortened"));
        assertNull(cache.get("absent"));
        assertEquals(-1, cache.ttl("absent"));
    }

    @Test
    void expiringNowRemovesTheEntry() {
        cache.set("k", "v", 60);
        cache.expire("k", 0);
        assertNull(cache.get("k"));
        assertEquals(-1, cache.ttl("k"));
    }

    @Test
    void timeToLiveMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> cache.set("k", "v", 0));
        assertThrows(IllegalArgumentException.class, () -> cache.set("k", "v", -5));
        assertNull(cache.get("k"));
    }

    @Test
    void flushRemovesEverything() {
        cache.set("a", "1", 60);
        cache.set("b", "2", 60);
        cache.flush();
        assertNull(cache.get("a"));
        assertNull(cache.get("b"));
        cache.set("a", "3", 60);
        assertEquals("3", cache.get("a"), "usable after a flush");
    }

    @Test
    void pingAnswers() {
        cache.ping();
    }
}

package org.jinto.api.cache;

/** The cache backend contract, modelled on Kinto's {@code CacheBase}. Keys get the {@code kinto.cache_prefix}. */
public interface Cache {

    /** The value, or null if absent or expired. */
    String get(String key);

    /** Stores with a time-to-live in seconds (must be positive). */
    void set(String key, String value, long ttlSeconds);

    /** Removes the key; returns the value it had, or null. */
    String delete(String key);

    /** Sets a new time-to-live on an existing key. */
    void expire(String key, long ttlSeconds);

    /** Remaining seconds to live; -1 when the key is absent. */
    long ttl(String key);

    void flush();

    void ping();
}

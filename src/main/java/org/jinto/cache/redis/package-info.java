/**
 * The Redis cache backend ({@code kinto_redis.cache}), on Jedis.
 */
package org.jinto.cache.redis;

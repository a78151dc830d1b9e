/**
 * The Redis queue listener ({@code kinto_redis.listeners}): pushes each event's JSON onto a Redis list.
 */
package org.jinto.listeners.redis;

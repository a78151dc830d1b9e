/**
 * The resource engine, free of JAX-RS and servlets: {@code ApiRouter} routes an {@code ApiRequest} (from HTTP or
 * batch) to a {@code ResourceType}, {@code ResourceEngine} authorizes, validates, reads or writes storage and
 * permissions, and tells the {@code ResourceListener}s.
 */
package org.jinto.resource;

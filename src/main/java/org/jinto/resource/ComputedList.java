package org.jinto.resource;

/**
 * A read-only plural endpoint whose objects are computed rather than stored (Kinto's {@code /permissions}):
 * served through the {@link ApiRouter} with {@code GET} and {@code HEAD}, the same CORS and method rules as
 * resource lists, and reachable from batch subrequests. Implementations are CDI beans.
 */
public interface ComputedList {

    /** The endpoint's path below {@code /v1}, e.g. {@code /permissions}. */
    String path();

    /** Whether the current settings turn the endpoint on. */
    boolean enabled();

    /** Whether this endpoint answers the path (below {@code /v1}) with the current settings. */
    default boolean serves(String path) {
        return enabled() && path().equals(path);
    }

    /**
     * Answers a {@code GET} or {@code HEAD}.
     *
     * @throws org.jinto.api.http.KintoException answered as Kinto's error
     */
    ApiResponse list(ApiRequest request);
}

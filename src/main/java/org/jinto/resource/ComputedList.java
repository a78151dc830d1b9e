package org.jinto.resource;

/**
 * A read-only plural endpoint whose objects are computed rather than stored (Kinto's {@code /permissions}):
 * served through the {@link ApiRouter} with {@code GET} and {@code HEAD}, the same CORS and method rules as
 * resource lists, and reachable from batch subrequests. Implementations are CDI beans.
 */
public interface ComputedList {

    /** Whether this endpoint answers the path (below {@code /v1}) with the current settings. */
    boolean serves(String path);

    /**
     * Answers a {@code GET} or {@code HEAD}.
     *
     * @throws org.jinto.api.http.KintoException answered as Kinto's error
     */
    ApiResponse list(ApiRequest request);
}

package org.jinto.resource;

/**
 * A path a plugin maps onto resource paths before routing (Kinto's default bucket view), so that direct requests
 * and batch subrequests alike are resolved. Implementations are CDI beans; the {@link ApiRouter} asks each in turn.
 */
public interface ApiAlias {

    /**
     * The request to route instead: {@code request} itself when the alias does not apply.
     *
     * @throws org.jinto.api.http.KintoException answered as Kinto's error (e.g. 401 for an anonymous caller)
     */
    ApiRequest resolve(ApiRequest request);

    /** Whether the alias stands for this (decoded) path, e.g. {@code /buckets/default/...}. */
    boolean covers(String path);
}

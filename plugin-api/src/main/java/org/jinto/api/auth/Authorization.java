package org.jinto.api.auth;

/**
 * Kinto's permission check for a plugin's own JAX-RS endpoint (the resource API checks its requests itself). The
 * server provides the bean.
 */
public interface Authorization {

    /**
     * Throws Kinto's 401 (anonymous caller) or 403 unless the caller identified by the request's {@code Authorization}
     * header (null: anonymous) holds {@code permission} on the object at {@code objectUri}, directly, through Kinto's
     * inheritance ({@code read} on a collection from its bucket), or through the
     * {@code kinto.<resourceName>_<permission>_principals} settings.
     */
    void require(String authorizationHeader, String resourceName, String objectUri, String permission);
}

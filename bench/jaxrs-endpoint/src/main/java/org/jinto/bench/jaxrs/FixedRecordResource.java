package org.jinto.bench.jaxrs;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The record URL of the GET one record scenario, answered by JAX-RS with the JSON Jinto answers there (the
 * record of {@code RecordShape}, its timestamp and its permissions), without storage, authentication or
 * filters: what Jersey alone serves on the launcher's Tomcat, the reference Jinto's GET one record is read against.
 * One instance, as Jinto's endpoint.
 */
@Singleton
@Path("buckets/{bucket}/collections/{collection}/records/{id}")
public class FixedRecordResource {

    /** Jinto's answer for record 42, 147 bytes; record ids have one length, so every answer has that size. */
    private static final String RECORD = "{\"data\":{\"id\":\"%s\",\"n\":42,\"group\":2,\"title\":\"record 42\","
            + "\"done\":true,\"last_modified\":1796311121876},\"permissions\":{\"write\":[\"account:bench\"]}}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String record(@PathParam("id") String id) {
        return RECORD.formatted(id);
    }
}

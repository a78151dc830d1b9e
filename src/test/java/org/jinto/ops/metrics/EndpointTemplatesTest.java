package org.jinto.ops.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointTemplatesTest {

    @Test
    void objectUrlsBecomeTemplates() {
        assertEquals("/buckets", EndpointTemplates.resolve("/v1/buckets", "/{path: .*}"));
        assertEquals("/buckets/{id}", EndpointTemplates.resolve("/v1/buckets/b1", null));
        assertEquals("/buckets/{bucket_id}/collections", EndpointTemplates.resolve("/v1/buckets/b1/collections", null));
        assertEquals("/buckets/{bucket_id}/collections/{collection_id}/records/{id}",
                EndpointTemplates.resolve("/v1/buckets/b1/collections/c1/records/r1", null));
        assertEquals("/buckets/{bucket_id}/groups/{id}", EndpointTemplates.resolve("/v1/buckets/b1/groups/g1", null));
        assertEquals("/buckets/{bucket_id}/history", EndpointTemplates.resolve("/v1/buckets/b1/history", null));
        assertEquals("/accounts/{id}", EndpointTemplates.resolve("/v1/accounts/alice", null));
    }

    @Test
    void otherEndpointsUseTheMatchedTemplateWithoutRegex() {
        assertEquals("/", EndpointTemplates.resolve("/v1/", "/"));
        assertEquals("/__heartbeat__", EndpointTemplates.resolve("/v1/__heartbeat__", "/__heartbeat__"));
        assertEquals("/admin/{file}", EndpointTemplates.resolve("/v1/admin/assets/x.js", "/admin/{file: .+}"));
        assertEquals("/x/{a}/{b}", EndpointTemplates.withoutRegex("/x/{a : [0-9]+}/{b}"));
    }

    @Test
    void unmatchedUrlsAreUnknownSoSeriesStayBounded() {
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/nothing-here", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/buckets/b1/unknown/x", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/buckets/b1/history/h1", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/buckets/", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/buckets//collections", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/v1/accounts/a/records", null));
        assertEquals(EndpointTemplates.UNKNOWN, EndpointTemplates.resolve("/other", null));
    }
}

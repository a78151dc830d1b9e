package org.jinto.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.NamingConvention;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsdNamesTest {

    @Test
    void prefixNameAndTagsWithoutTheStatistic() {
        Meter.Id id = new Meter.Id("request_summary", Tags.of("method", "get", "endpoint",
                "/buckets/{bucket_id}/collections", "status", "200"), null, null, Meter.Type.COUNTER)
                .withTag(Statistic.COUNT);
        assertEquals("kinto.request_summary.endpoint.buckets_bucket_id_collections.method.get.status.200",
                new StatsdNames("kinto").toHierarchicalName(id, NamingConvention.identity));
    }

    @Test
    void segmentsLoseCharactersStatsdGivesAMeaningTo() {
        assertEquals("root", StatsdNames.segment("/"));
        assertEquals("__heartbeat__", StatsdNames.segment("/__heartbeat__"));
        assertEquals("a_b_c_d", StatsdNames.segment("a.b:c|d"));
        assertEquals("jvm.memory.used", new StatsdNames("").toHierarchicalName(
                new Meter.Id("jvm.memory.used", Tags.empty(), null, null, Meter.Type.GAUGE), NamingConvention.identity));
    }
}

package org.jinto.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;

/**
 * Plain StatsD names, dot-separated as Graphite-style backends expect:
 * {@code <prefix>.<meter name>.<tag>.<value>...}, e.g.
 * {@code kinto.request_summary.endpoint.buckets_bucket_id_collections.method.get.status.200}. Tag values lose
 * the characters that StatsD or Graphite give a meaning to (template braces and slashes, dots, colons, pipes).
 */
final class StatsdNames implements HierarchicalNameMapper {

    private final String prefix;

    StatsdNames(String prefix) {
        this.prefix = prefix.isBlank() ? "" : prefix.strip() + ".";
    }

    @Override
    public String toHierarchicalName(Meter.Id id, NamingConvention convention) {
        StringBuilder name = new StringBuilder(prefix).append(id.getName().replaceAll("[^A-Za-z0-9_.-]", "_"));
        for (Tag tag : id.getTagsAsIterable()) {
            if (!tag.getKey().equals("statistic")) {
                name.append('.').append(segment(tag.getKey())).append('.').append(segment(tag.getValue()));
            }
        }
        return name.toString();
    }

    /** {@code /buckets/{bucket_id}/collections} → {@code buckets_bucket_id_collections}; {@code /} → {@code root}. */
    static String segment(String value) {
        String cleaned = value.replaceAll("[{}]", "").replaceAll("^/+", "").replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.isEmpty() ? "root" : cleaned;
    }
}

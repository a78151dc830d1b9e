package org.jinto.ops.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads series out of Prometheus' text exposition, as a scraper would. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of one series ({@code name{label="value",...}} exactly as exposed), 0 if absent. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

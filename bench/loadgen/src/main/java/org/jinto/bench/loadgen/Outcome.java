package org.jinto.bench.loadgen;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * What a run measured: latencies in microseconds, answers outside 2xx, connection errors, and the run's length.
 */
public record Outcome(Histogram latencies, long non2xx, long errors, double seconds) {

    /** Microsecond latencies up to a minute, three significant digits, as wrk keeps them. */
    static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    static Outcome empty() {
        return new Outcome(newHistogram(), 0, 0, 0);
    }

    Outcome plus(Outcome other) {
        Histogram sum = latencies.copy();
        sum.add(other.latencies);
        return new Outcome(sum, non2xx + other.non2xx, errors + other.errors, seconds);
    }

    Outcome over(double elapsedSeconds) {
        return new Outcome(latencies, non2xx, errors, elapsedSeconds);
    }

    public long requests() {
        return latencies.getTotalCount();
    }

    /** The result line of bench/lua/bench.lua: label, requests/s, p50, p90, p99 (ms), non-2xx, socket errors. */
    public String resultLine(String label) {
        return String.format(Locale.ROOT, "%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%d", label, requests() / seconds,
                percentileMs(50), percentileMs(90), percentileMs(99), non2xx, errors);
    }

    private double percentileMs(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
}
